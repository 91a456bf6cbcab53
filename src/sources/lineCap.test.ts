import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_LINE_BYTES } from '../core/recordLimits.js';
import { LineCuts, scanLineWindows } from '../scan/readers/lineWindows.js';
import { readChunks, sourceFor } from './logSource.js';

/**
 * A line far longer than the cap, through the line windows every reader is fed by: what is kept
 * is the cap, what is cut is counted, and no window holds the whole line. (Read backwards:
 * lastRecords.test.ts.)
 */
const LINE_BYTES = 24 * 1024 * 1024;
const HEADER = 'ERROR 2024-01-20 16:30:00,000 views 1 2 ';

async function withLongLineFile(use: (path: string, content: Buffer) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'smsmon-linecap-'));
  try {
    const content = Buffer.concat([
      Buffer.from(`INFO 2024-01-20 16:29:59,000 views 1 2 before\n${HEADER}`),
      Buffer.alloc(LINE_BYTES - HEADER.length, 'é'),
      Buffer.from('\nINFO 2024-01-20 16:30:01,000 views 1 2 after\n'),
    ]);
    const path = join(dir, 'app.log');
    await writeFile(path, content);
    await use(path, content);
  } finally {
    await rm(dir, { recursive: true });
  }
}

test('line windows: a long line never fills a window; its cut is found by the scan', async () => {
  await withLongLineFile(async (path) => {
    const cuts = new LineCuts();
    let largest = 0;
    let cut = 0;
    const scan = function* (window: Buffer): Generator<string, number> {
      largest = Math.max(largest, window.length);
      for (let at = 0; at < window.length;) {
        const end = window.indexOf(0x0a, at);
        const stop = end === -1 ? window.length : end;
        cut += cuts.within(window, at, stop);
        yield window.toString('utf8', Math.max(at, stop - 60), stop);
        at = stop + 1;
      }
      return window.length;
    };
    const texts: string[] = [];
    for await (const text of scanLineWindows(readChunks(sourceFor(path)), scan, cuts)) texts.push(text);
    assert.ok(largest < MAX_LINE_BYTES + 512 * 1024, `a window of ${largest} bytes`);
    assert.equal(texts.length, 3);
    assert.ok(texts[2]!.endsWith('after'));
    assert.ok(cut > LINE_BYTES - MAX_LINE_BYTES - 4 && cut <= LINE_BYTES - MAX_LINE_BYTES);
  });
});
