import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { followStart } from './followStart.js';

const dir = mkdtempSync(join(tmpdir(), 'smsmon-follow-start-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('from the end, backed up to the start of an unfinished last line, with the file identity', async () => {
  const path = join(dir, 'app.log');
  writeFileSync(path, 'one\ntwo\nthr');
  const { ino } = statSync(path, { bigint: true });
  const start = await followStart(path, false);
  assert.equal(start.startOffset, 8);
  assert.equal(start.startFileId?.ino, ino);
  writeFileSync(path, 'one\ntwo\n');
  assert.equal((await followStart(path, false)).startOffset, 8);
  assert.equal((await followStart(path, true)).startOffset, 0);
});

test('a missing file is read from its first byte when it appears', async () => {
  assert.deepEqual(await followStart(join(dir, 'sms.log'), false), { startOffset: 0 });
});
