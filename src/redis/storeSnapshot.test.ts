import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { RedisLayout } from './redisLayout.js';
import { HOUR_MS, scratchRedis, testSnapshot, type ScratchRedis } from '../../test/kit/redisScratch.js';
import { closeRedis, connectRedis } from './redisConnection.js';
import { acquireRedisLock } from './redisLock.js';
import { storeSnapshot, type StoreSnapshotOptions } from './storeSnapshot.js';

let scratch: ScratchRedis;
const dir = mkdtempSync(join(tmpdir(), 'smsmon-store-'));
before(async () => {
  scratch = await scratchRedis();
});
after(async () => {
  rmSync(dir, { recursive: true, force: true });
  await scratch?.cleanup();
});

const T = Date.UTC(2025, 0, 15, 12);
let runs = 0;
function options(layout: RedisLayout, overrides: Partial<StoreSnapshotOptions> = {}): StoreSnapshotOptions {
  return {
    layout,
    spoolPath: join(dir, `spool-${++runs}.ndjson`),
    maxSpoolEntries: 100,
    retentionMs: 24 * HOUR_MS,
    keyExpiryMs: 48 * HOUR_MS,
    lockTtlMs: 10_000,
    lockWaitMs: 0,
    ...overrides,
  };
}
const members = (layout: RedisLayout, metric: string) =>
  scratch.redis.zrange(layout.metricKey('web-1', metric), '0', '-1');

test('Redis down: snapshots are spooled; the next run replays them in order, then writes its own', async () => {
  const layout = scratch.layout();
  const opts = options(layout);
  for (const t of [T + 2000, T + 1000]) {
    const down = connectRedis('redis://:hunter2@127.0.0.1:1', { connectTimeoutMs: 500 });
    try {
      const outcome = await storeSnapshot(down, testSnapshot('web-1', t, { cpu: t - T }), opts);
      assert.equal(outcome.stored, false);
      assert.ok(!outcome.stored && outcome.reason === 'unreachable');
      assert.match(outcome.message, /^Redis at 127\.0\.0\.1:1 not reachable: /);
      assert.doesNotMatch(outcome.message, /hunter2/);
    } finally {
      await closeRedis(down);
    }
  }
  assert.equal(readFileSync(opts.spoolPath, 'utf8').trim().split('\n').length, 2);

  const outcome = await storeSnapshot(scratch.redis, testSnapshot('web-1', T + 3000, { cpu: 3000 }), opts);
  assert.ok(outcome.stored);
  assert.deepEqual(outcome.replay, { replayed: 2, remaining: 0, invalid: 0 });
  assert.deepEqual(await members(layout, 'cpu'), [
    `${T + 1000}:1000`,
    `${T + 2000}:2000`,
    `${T + 3000}:3000`,
  ]);
  assert.equal(existsSync(opts.spoolPath), false);
  assert.equal(await scratch.redis.exists(layout.lockKey('web-1')), 0, 'lock released');
});

test('two overlapping runs for one host: one writes, the other spools, nothing is written twice', async () => {
  const layout = scratch.layout();
  // One connection: both SET NX reach Redis before the winner can finish and release. Separate
  // spools, so the winner cannot pick up the loser's snapshot in the same round.
  const [optsA, optsB] = [options(layout), options(layout)];
  const [a, b] = await Promise.all([
    storeSnapshot(scratch.redis, testSnapshot('web-1', T, { load: 1 }), optsA),
    storeSnapshot(scratch.redis, testSnapshot('web-1', T + 1, { load: 2 }), optsB),
  ]);
  const [winner, loser, loserOpts] = a.stored ? [a, b, optsB] : [b, a, optsA];
  assert.ok(winner.stored && winner.replay.replayed === 0);
  assert.ok(!loser.stored && loser.reason === 'locked');
  assert.match(loser.message, /another run holds .*:lock/);
  assert.deepEqual(loser.spool, { entries: 1, dropped: 0, invalid: 0 });
  assert.equal((await members(layout, 'load')).length, 1);

  const next = await storeSnapshot(scratch.redis, testSnapshot('web-1', T + 2, { load: 3 }), loserOpts);
  assert.ok(next.stored && next.replay.replayed === 1);
  assert.deepEqual(await members(layout, 'load'), [`${T}:1`, `${T + 1}:2`, `${T + 2}:3`]);
});

test('a run waits at most lockWaitMs for the lock, then spools and leaves the holder alone', async () => {
  const layout = scratch.layout();
  const opts = options(layout, { lockWaitMs: 200 });
  const held = await acquireRedisLock(scratch.redis, layout.lockKey('web-1'), { ttlMs: 10_000, waitMs: 0 });
  assert.ok(held);
  const started = Date.now();
  const outcome = await storeSnapshot(scratch.redis, testSnapshot('web-1', T, { load: 1 }), opts);
  const waited = Date.now() - started;
  assert.ok(!outcome.stored && outcome.reason === 'locked');
  assert.ok(waited >= 200 && waited < 2000, `waited ${waited} ms`);
  assert.equal(await scratch.redis.get(layout.lockKey('web-1')), held.token);
  assert.equal(await held.release(), true);
});

test('a lock is released only by its owner', async () => {
  const key = `${scratch.layout().prefix}:lock`;
  const first = await acquireRedisLock(scratch.redis, key, { ttlMs: 10_000, waitMs: 0 });
  assert.ok(first);
  assert.equal(await acquireRedisLock(scratch.redis, key, { ttlMs: 10_000, waitMs: 0 }), null);
  await scratch.redis.del(key); // as if it had expired
  const second = await acquireRedisLock(scratch.redis, key, { ttlMs: 10_000, waitMs: 0 });
  assert.ok(second);
  assert.equal(await first.release(), false);
  assert.equal(await first.extend(), false);
  assert.equal(await scratch.redis.get(key), second.token);
  assert.equal(await second.extend(), true);
  assert.equal(await second.release(), true);
  assert.equal(await scratch.redis.exists(key), 0);
});
