import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newlinesBefore, newlinesIn } from './lineCount.js';

test('newlinesBefore counts the newlines of a file up to an offset', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'smsmon-count-'));
  const path = join(dir, 'f.log');
  await writeFile(path, 'a\nb\nc\nd\n');
  assert.equal(newlinesBefore(path, 0), 0);
  assert.equal(newlinesBefore(path, 4), 2);
  assert.equal(newlinesBefore(path, 8), 4);
  await rm(dir, { recursive: true });
});

test('newlinesIn counts within a range of bytes', () => {
  const bytes = Buffer.from('\na\n\nb\n');
  assert.equal(newlinesIn(bytes, 0, bytes.length), 4);
  assert.equal(newlinesIn(bytes, 1, 3), 1);
  assert.equal(newlinesIn(bytes, 4, 4), 0);
});
