import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { testSnapshot } from '../../test/kit/redisScratch.js';
import { replaySpool, spoolSnapshot } from './snapshotSpool.js';
import { SpoolError } from './spoolFile.js';

/**
 * The spool at a path that is not a plain file in a writable directory: every case is a SpoolError
 * naming the spool, never a hang (FIFO, /proc), a followed link or a file left readable by others.
 * Real file-system objects only; the tests run as root too, so none relies on permission bits.
 */
const scratch = mkdtempSync(join(tmpdir(), 'smsmon-spool-faults-'));
after(() => rmSync(scratch, { recursive: true, force: true }));
let made = 0;
const place = () => {
  const dir = join(scratch, `case-${++made}`);
  mkdirSync(dir);
  return dir;
};
const snap = testSnapshot('web-1', 1_000, { v: 1 });
/** Fails instead of hanging: a FIFO opened for reading blocks until a writer comes. */
const HANG_GUARD = { timeout: 5_000 };

async function refused(path: string, reason: RegExp): Promise<void> {
  const check = (error: Error) => {
    assert.ok(error instanceof SpoolError, `${error.name}: ${error.message}`);
    assert.match(error.message, new RegExp(`^cannot use the spool ${path}: `));
    assert.match(error.message, reason);
    assert.doesNotMatch(error.message, /\n/);
    return true;
  };
  await assert.rejects(spoolSnapshot(path, snap, 10), check);
  await assert.rejects(
    replaySpool(path, async () => assert.fail('nothing is replayed')),
    check,
  );
}

test(
  'a FIFO at the spool path is refused, appending and replaying, without blocking',
  HANG_GUARD,
  async () => {
    const path = join(place(), 'spool.ndjson');
    execFileSync('mkfifo', [path]);
    await refused(path, /is a FIFO, not a regular file$/);
  },
);

test('a directory at the spool path is refused', HANG_GUARD, async () => {
  const path = join(place(), 'spool.ndjson');
  mkdirSync(path);
  await refused(path, /is a directory, not a regular file$/);
});

test('a spool path under a regular file is refused', HANG_GUARD, async () => {
  const file = join(place(), 'plain');
  writeFileSync(file, '');
  const path = join(file, 'spool.ndjson');
  await assert.rejects(spoolSnapshot(path, snap, 10), (error: Error) => {
    assert.ok(error instanceof SpoolError);
    assert.equal(error.message, `cannot use the spool ${path}: ${file} is not a directory`);
    return true;
  });
});

test('files of /proc are refused, whatever they read as', HANG_GUARD, async () => {
  for (const path of ['/proc/version', '/proc/self/status']) await refused(path, /is a file of \/proc/);
});

test('a character device (/dev/null) is refused', HANG_GUARD, async () => {
  await refused('/dev/null', /is a character device, not a regular file$/);
});

test('a symlink at the spool path is not followed: refused, its target untouched', HANG_GUARD, async () => {
  const dir = place();
  const target = join(dir, 'elsewhere');
  writeFileSync(target, 'precious\n');
  const path = join(dir, 'spool.ndjson');
  symlinkSync(target, path);
  await refused(path, /is a symbolic link, not a regular file$/);
  assert.equal(readFileSync(target, 'utf8'), 'precious\n');
  // One pointing nowhere is refused too, and nothing is created where it points.
  const dangling = join(dir, 'dangling.ndjson');
  symlinkSync(join(dir, 'nowhere'), dangling);
  await refused(dangling, /is a symbolic link, not a regular file$/);
  assert.equal(existsSync(join(dir, 'nowhere')), false);
});

test('a FIFO at the lock path is refused without blocking', HANG_GUARD, async () => {
  const path = join(place(), 'spool.ndjson');
  execFileSync('mkfifo', [`${path}.lock`]);
  await assert.rejects(spoolSnapshot(path, snap, 10), /^SpoolError: cannot use the spool .*\.lock is a FIFO/);
});

test('an existing 0644 spool is narrowed to 0600 on append, and on a replay that leaves it in place', async () => {
  const path = join(place(), 'spool.ndjson');
  writeFileSync(path, `${JSON.stringify(snap)}\n`, { mode: 0o644 });
  chmodSync(path, 0o644);
  await spoolSnapshot(path, testSnapshot('web-1', 2_000, { v: 2 }), 10);
  assert.equal(statSync(path).mode & 0o777, 0o600);
  chmodSync(path, 0o644);
  const result = await replaySpool(path, async () => {
    throw new Error('Redis went away');
  });
  assert.equal(result.remaining, 2);
  assert.equal(statSync(path).mode & 0o777, 0o600);
});
