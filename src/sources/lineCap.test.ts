import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_LINE_BYTES } from '../core/recordLimits.js';
import { readLinesBackward } from './backwardReader.js';
import { LineCuts, scanLineWindows } from '../scan/readers/lineWindows.js';
import { readChunks, sourceFor } from './logSource.js';

/**
 * A line far longer than the cap, through each reader: what is kept is the cap, what is cut is
 * counted, and the bytes copied to join its pieces stay near the cap (joining per read, as
 * before, copies the line over and over: time quadratic in its length).
 */
const LINE_BYTES = 24 * 1024 * 1024;
const HEADER = 'ERROR 2024-01-20 16:30:00,000 views 1 2 ';

/** Counts the bytes Buffer.concat copies while `run` runs. */
async function concatBytes(run: () => Promise<void>): Promise<number> {
  const original = Buffer.concat;
  let copied = 0;
  Buffer.concat = (list: readonly Uint8Array[], length?: number): ReturnType<typeof original> => {
    const joined = original(list, length);
    copied += joined.length;
    return joined;
  };
  try {
    await run();
  } finally {
    Buffer.concat = original;
  }
  return copied;
}

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

function assertCut(text: string, cutBytes: number): void {
  const kept = Buffer.byteLength(text);
  assert.ok(kept <= MAX_LINE_BYTES && kept > MAX_LINE_BYTES - 4, `kept ${kept}`);
  assert.ok(!text.includes('\ufffd'), 'cut on a character boundary');
  assert.equal(kept + cutBytes, LINE_BYTES);
}

test('backward reader: a long line keeps its first MiB, counts the rest, joins once', async () => {
  await withLongLineFile(async (path) => {
    const lines: Array<{ text: string; cutBytes: number }> = [];
    const copied = await concatBytes(async () => {
      for await (const line of readLinesBackward(path)) lines.push(line);
    });
    assert.deepEqual(
      lines.map((l) => l.cutBytes),
      [0, LINE_BYTES - Buffer.byteLength(lines[1]!.text), 0],
    );
    assert.ok(lines[1]!.text.startsWith(HEADER));
    assertCut(lines[1]!.text, lines[1]!.cutBytes);
    assert.ok(copied < 3 * MAX_LINE_BYTES, `copied ${copied} bytes`);
  });
});

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
