import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  appendFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { MetricsSnapshot } from '../core/snapshot.js';
import { testSnapshot } from '../../test/kit/redisScratch.js';
import { withFileLock } from './fileLock.js';
import { replaySpool, spoolSnapshot } from './snapshotSpool.js';

const scratch = mkdtempSync(join(tmpdir(), 'smsmon-spool-'));
after(() => rmSync(scratch, { recursive: true, force: true }));
let files = 0;
const freshPath = () => join(scratch, `run-${++files}`, 'nested', 'spool.ndjson');
const snap = (timestamp: number, v = timestamp) => testSnapshot('web-1', timestamp, { v });
const lines = (path: string) => readFileSync(path, 'utf8').split('\n').filter(Boolean);

async function replayAll(
  path: string,
): Promise<{ seen: MetricsSnapshot[]; result: Awaited<ReturnType<typeof replaySpool>> }> {
  const seen: MetricsSnapshot[] = [];
  const result = await replaySpool(path, async (s) => {
    seen.push(s);
  });
  return { seen, result };
}

test('spooling creates private directories and file, one JSON snapshot per line', async () => {
  const path = freshPath();
  assert.deepEqual(await spoolSnapshot(path, snap(1), 10), { entries: 1, dropped: 0, invalid: 0 });
  assert.deepEqual(await spoolSnapshot(path, snap(2), 10), { entries: 2, dropped: 0, invalid: 0 });
  assert.equal(statSync(join(path, '..')).mode & 0o777, 0o700);
  assert.equal(statSync(path).mode & 0o777, 0o600);
  assert.deepEqual(
    lines(path).map((line) => JSON.parse(line)),
    [snap(1), snap(2)],
  );
  assert.equal(existsSync(`${path}.lock`), false);
});

test('over maxEntries the oldest by timestamp are dropped and counted', async () => {
  const path = freshPath();
  for (const t of [30, 10, 20]) await spoolSnapshot(path, snap(t), 3);
  assert.deepEqual(await spoolSnapshot(path, snap(40), 3), { entries: 3, dropped: 1, invalid: 0 });
  assert.deepEqual(await spoolSnapshot(path, snap(5), 3), { entries: 3, dropped: 1, invalid: 0 });
  assert.deepEqual(
    lines(path).map((line) => JSON.parse(line).timestamp),
    [20, 30, 40],
  );
  assert.equal(statSync(path).mode & 0o777, 0o600);
});

test('at the bound, bad lines are set aside before any entry is dropped', async () => {
  const path = freshPath();
  await spoolSnapshot(path, snap(1), 2);
  appendFileSync(path, 'garbage\n');
  assert.deepEqual(await spoolSnapshot(path, snap(2), 2), { entries: 2, dropped: 0, invalid: 1 });
  assert.deepEqual(await spoolSnapshot(path, snap(3), 2), { entries: 2, dropped: 1, invalid: 0 });
  assert.deepEqual(lines(`${path}.corrupt`), ['garbage']);
});

test('replay goes in timestamp order and empties the spool', async () => {
  const path = freshPath();
  for (const t of [3, 1, 2]) await spoolSnapshot(path, snap(t), 10);
  const { seen, result } = await replayAll(path);
  assert.deepEqual(
    seen.map((s) => s.timestamp),
    [1, 2, 3],
  );
  assert.deepEqual(result, { replayed: 3, remaining: 0, invalid: 0 });
  assert.equal(existsSync(path), false);
  assert.deepEqual(await replayAll(path), { seen: [], result: { replayed: 0, remaining: 0, invalid: 0 } });
});

test('a snapshot keeps its sketches through the spool, so a replay stores them too', async () => {
  const path = freshPath();
  const sketched = { ...snap(5), sketches: { processing_time: '{"values":[0.25,1.5]}' } };
  await spoolSnapshot(path, sketched, 10);
  await spoolSnapshot(
    path,
    { ...snap(6), sketches: { processing_time: 7 } } as unknown as MetricsSnapshot,
    10,
  );
  const { seen, result } = await replayAll(path);
  assert.deepEqual(seen, [sketched]);
  assert.equal(result.invalid, 1, 'a sketch that is not text makes the line no snapshot');
});

test('lines that are not snapshots are skipped, counted and set aside', async () => {
  const path = freshPath();
  await spoolSnapshot(path, snap(2), 10);
  appendFileSync(path, 'not json\n{"host":"h","timestamp":"soon","metrics":{},"details":{},"failures":[]}\n');
  await spoolSnapshot(path, snap(1), 10);
  appendFileSync(path, '{"host":"web-1","timest'); // a crash in the middle of an append
  await spoolSnapshot(path, snap(3), 10);
  const { seen, result } = await replayAll(path);
  assert.deepEqual(
    seen.map((s) => s.timestamp),
    [1, 2, 3],
  );
  assert.deepEqual(result, { replayed: 3, remaining: 0, invalid: 3 });
  assert.equal(lines(`${path}.corrupt`).length, 3);
});

test('a failed write stops replay; the rest stays for the next run', async () => {
  const path = freshPath();
  for (const t of [1, 2, 3]) await spoolSnapshot(path, snap(t), 10);
  const result = await replaySpool(path, async (s) => {
    if (s.timestamp === 2) throw new Error('Redis went away');
  });
  assert.equal(result.replayed, 1);
  assert.equal(result.remaining, 2);
  assert.equal(result.failure?.message, 'Redis went away');
  const { seen } = await replayAll(path);
  assert.deepEqual(
    seen.map((s) => s.timestamp),
    [2, 3],
  );
});

test('entries spooled while a replay runs are kept', async () => {
  const path = freshPath();
  await spoolSnapshot(path, snap(1), 10);
  await spoolSnapshot(path, snap(2), 10);
  const result = await replaySpool(path, async (s) => {
    await spoolSnapshot(path, snap(100 + s.timestamp), 10);
  });
  assert.deepEqual(result, { replayed: 2, remaining: 2, invalid: 0 });
  assert.deepEqual(
    lines(path).map((line) => JSON.parse(line).timestamp),
    [101, 102],
  );
});

test('concurrent appenders lose nothing', async () => {
  const path = freshPath();
  await Promise.all(Array.from({ length: 25 }, (_, i) => spoolSnapshot(path, snap(i), 100)));
  assert.deepEqual(
    lines(path)
      .map((line) => JSON.parse(line).timestamp)
      .sort((a, b) => a - b),
    Array.from({ length: 25 }, (_, i) => i),
  );
});

test('a lock left by a dead process or too old is broken; a live one is waited for', async () => {
  const lock = join(scratch, 'x.lock');
  const deadPid = spawnSync(process.execPath, ['-e', '']).pid!;
  writeFileSync(lock, `${deadPid} ${Date.now()} ${hostname()}\n`);
  assert.equal(await withFileLock(lock, { waitMs: 100, staleMs: 60_000 }, async () => 'ran'), 'ran');
  assert.equal(existsSync(lock), false);

  writeFileSync(lock, `${process.pid} ${Date.now()} ${hostname()}\n`);
  const started = Date.now();
  await assert.rejects(
    withFileLock(lock, { waitMs: 150, staleMs: 60_000 }, async () => 'ran'),
    new RegExp(`held by pid ${process.pid}`),
  );
  assert.ok(Date.now() - started >= 150);

  const old = new Date(Date.now() - 120_000);
  utimesSync(lock, old, old);
  assert.equal(await withFileLock(lock, { waitMs: 100, staleMs: 60_000 }, async () => 'ran'), 'ran');
});

test('replaying a spool that was never written (no file, no directory) is a no-op', async () => {
  const { mkdtemp, rm, readdir } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const root = await mkdtemp(join(tmpdir(), 'smsmon-nospool-'));
  try {
    const path = join(root, 'state', 'smsmon', 'spool.ndjson');
    const result = await replaySpool(path, async () => assert.fail('nothing to write'));
    assert.deepEqual(result, { replayed: 0, remaining: 0, invalid: 0 });
    assert.deepEqual(await readdir(root), []);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});
