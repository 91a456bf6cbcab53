import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countLinesBefore, readLinesBackward } from './backwardReader.js';

async function backward(content: string | Buffer): Promise<[string, number, boolean][]> {
  const dir = await mkdtemp(join(tmpdir(), 'smsmon-back-'));
  try {
    const path = join(dir, 'f.log');
    await writeFile(path, content);
    const out: [string, number, boolean][] = [];
    for await (const line of readLinesBackward(path)) out.push([line.text, line.offset, line.terminated]);
    return out;
  } finally {
    await rm(dir, { recursive: true });
  }
}

test('lines newest first with their offsets; an unterminated last line is flagged', async () => {
  assert.deepEqual(await backward('a\n\nbc\n'), [
    ['bc', 3, true],
    ['', 2, true],
    ['a', 0, true],
  ]);
  assert.deepEqual(await backward('a\nb'), [
    ['b', 2, false],
    ['a', 0, true],
  ]);
  assert.deepEqual(await backward(''), []);
  assert.deepEqual(await backward('\n'), [['', 0, true]]);
});

test('long lines and multibyte characters across 64 KiB chunk edges', async () => {
  const long = 'é'.repeat(70_000) + '🎉';
  const lines = Array.from({ length: 5 }, (_, i) => `${i} ${long}`);
  const out = await backward(lines.join('\n') + '\n');
  assert.deepEqual(
    out.map((l) => l[0]),
    [...lines].reverse(),
  );
});

test('countLinesBefore counts newlines up to an offset', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'smsmon-count-'));
  const path = join(dir, 'f.log');
  await writeFile(path, 'a\nb\nc\nd\n');
  assert.equal(await countLinesBefore(path, 0), 0);
  assert.equal(await countLinesBefore(path, 4), 2);
  assert.equal(await countLinesBefore(path, 8), 4);
  await rm(dir, { recursive: true });
});
