import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { HOUR_MS, scratchRedis, testSnapshot, type ScratchRedis } from '../../test/kit/redisScratch.js';
import { redisTimeMs } from './redisClock.js';
import { FutureSnapshotError, writeSnapshot } from './snapshotWriter.js';

/** Snapshots stamped ahead of Redis' own clock (TIME), as a host whose clock runs fast writes them. */
let scratch: ScratchRedis;
before(async () => {
  scratch = await scratchRedis();
});
after(() => scratch?.cleanup());

const MINUTE_MS = 60_000;
const opts = { retentionMs: 24 * HOUR_MS, keyExpiryMs: 48 * HOUR_MS, maxFutureSkewMs: 5 * MINUTE_MS };
const scores = async (key: string) =>
  (await scratch.redis.zrange(key, '0', '-1', 'WITHSCORES')).filter((_, i) => i % 2 === 1).map(Number);

test('a snapshot 2 days ahead of Redis is refused: no sample trimmed, latest not replaced', async () => {
  const layout = scratch.layout();
  const now = await redisTimeMs(scratch.redis);
  const history = [now - 2 * HOUR_MS, now - HOUR_MS, now];
  for (const t of history) await writeSnapshot(scratch.redis, testSnapshot('h', t, { cpu: 1 }), layout, opts);
  const future = testSnapshot('h', now + 48 * HOUR_MS, { cpu: 99 });
  await assert.rejects(writeSnapshot(scratch.redis, future, layout, opts), (error: Error) => {
    assert.ok(error instanceof FutureSnapshotError);
    assert.match(
      error.message,
      /^snapshot stamped \S+Z is 2d00h ahead of Redis' clock \(\S+Z; redis\.maxFutureSkew 5m00s\)/,
    );
    return true;
  });
  assert.deepEqual(await scores(layout.metricKey('h', 'cpu')), history);
  assert.equal(await scratch.redis.hget(layout.latestKey('h'), 'timestamp'), String(now));
});

test("within the skew a snapshot is written, but trims from Redis' now, never from its own future time", async () => {
  const layout = scratch.layout();
  const now = await redisTimeMs(scratch.redis);
  const short = { ...opts, retentionMs: MINUTE_MS };
  await writeSnapshot(scratch.redis, testSnapshot('h', now - 30_000, { cpu: 1 }), layout, short);
  const result = await writeSnapshot(
    scratch.redis,
    testSnapshot('h', now + 4 * MINUTE_MS, { cpu: 2 }),
    layout,
    short,
  );
  assert.equal(result.latestUpdated, true);
  assert.deepEqual(await scores(layout.metricKey('h', 'cpu')), [now - 30_000, now + 4 * MINUTE_MS]);
});

test('a latest hash pinned to the future (written before the guard) is replaced by a present snapshot', async () => {
  const layout = scratch.layout();
  const now = await redisTimeMs(scratch.redis);
  await scratch.redis.hset(layout.latestKey('h'), {
    timestamp: String(now + 48 * HOUR_MS),
    host: 'h',
    cpu: '99',
  });
  const result = await writeSnapshot(scratch.redis, testSnapshot('h', now, { cpu: 1 }), layout, opts);
  assert.equal(result.latestUpdated, true);
  assert.deepEqual(await scratch.redis.hmget(layout.latestKey('h'), 'timestamp', 'cpu'), [String(now), '1']);
});
