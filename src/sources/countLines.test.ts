import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countLinesBefore } from './countLines.js';

test('countLinesBefore counts newlines up to an offset', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'smsmon-count-'));
  const path = join(dir, 'f.log');
  await writeFile(path, 'a\nb\nc\nd\n');
  assert.equal(await countLinesBefore(path, 0), 0);
  assert.equal(await countLinesBefore(path, 4), 2);
  assert.equal(await countLinesBefore(path, 8), 4);
  await rm(dir, { recursive: true });
});
