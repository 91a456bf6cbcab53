import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { HOUR_MS, scratchRedis, testSnapshot, type ScratchRedis } from '../../test/kit/redisScratch.js';
import { writeSnapshot } from './snapshotWriter.js';

let scratch: ScratchRedis;
before(async () => {
  scratch = await scratchRedis();
});
after(() => scratch?.cleanup());

const T = Date.UTC(2025, 0, 15, 12);
const opts = { retentionMs: 24 * HOUR_MS, keyExpiryMs: 48 * HOUR_MS };

test('equal values at different times are two entries scored by their timestamps', async () => {
  const layout = scratch.layout();
  await writeSnapshot(scratch.redis, testSnapshot('web-1', T, { cpu_percent: 12.5 }), layout, opts);
  await writeSnapshot(scratch.redis, testSnapshot('web-1', T + 60_000, { cpu_percent: 12.5 }), layout, opts);
  const key = layout.metricKey('web-1', 'cpu_percent');
  assert.equal(key, `${layout.prefix}:{web-1}:metric:cpu_percent`);
  assert.deepEqual(await scratch.redis.zrange(key, '0', '-1', 'WITHSCORES'), [
    `${T}:12.5`,
    String(T),
    `${T + 60_000}:12.5`,
    String(T + 60_000),
  ]);
});

test('values keep every digit: String(number) round-trips', async () => {
  const layout = scratch.layout();
  const values = { a: 0.1 + 0.2, b: 1e-7, c: -3, d: 123456789.12345679, e: 2 ** 53 + 2 };
  await writeSnapshot(scratch.redis, testSnapshot('h', T, values), layout, opts);
  for (const [metric, value] of Object.entries(values)) {
    const [member] = await scratch.redis.zrange(layout.metricKey('h', metric), '0', '-1');
    assert.equal(Number(member!.slice(member!.indexOf(':') + 1)), value);
  }
});

test('retention: entries strictly older than timestamp - retention go, the boundary one stays', async () => {
  const layout = scratch.layout();
  const write = (at: number, v: number) =>
    writeSnapshot(scratch.redis, testSnapshot('h', at, { load: v }), layout, opts);
  await write(T, 1);
  await write(T + HOUR_MS, 2);
  await write(T + 25 * HOUR_MS, 3); // cutoff T + 1 h: T is gone, T + 1 h is exactly on it and stays
  const key = layout.metricKey('h', 'load');
  assert.deepEqual(await scratch.redis.zrange(key, '0', '-1'), [`${T + HOUR_MS}:2`, `${T + 25 * HOUR_MS}:3`]);
  await write(T + 25 * HOUR_MS + 1, 4);
  assert.deepEqual(await scratch.redis.zrange(key, '0', '-1'), [
    `${T + 25 * HOUR_MS}:3`,
    `${T + 25 * HOUR_MS + 1}:4`,
  ]);
});

test('a replayed older snapshot adds its entries but does not trim newer ones', async () => {
  const layout = scratch.layout();
  await writeSnapshot(scratch.redis, testSnapshot('h', T + 2 * HOUR_MS, { x: 2 }), layout, opts);
  await writeSnapshot(scratch.redis, testSnapshot('h', T, { x: 1 }), layout, opts);
  assert.deepEqual(await scratch.redis.zrange(layout.metricKey('h', 'x'), '0', '-1'), [
    `${T}:1`,
    `${T + 2 * HOUR_MS}:2`,
  ]);
});

test('the latest hash holds the newest snapshot even when an older one is replayed after it', async () => {
  const layout = scratch.layout();
  const newer = testSnapshot('h', T + 60_000, { cpu_percent: 50 }, { tiers: { free: 3 } });
  const older = testSnapshot('h', T, { cpu_percent: 10, memory_percent: 20 });
  const first = await writeSnapshot(scratch.redis, newer, layout, opts);
  const second = await writeSnapshot(scratch.redis, older, layout, opts);
  assert.equal(first.latestUpdated, true);
  assert.equal(second.latestUpdated, false);
  assert.deepEqual(await scratch.redis.hgetall(layout.latestKey('h')), {
    cpu_percent: '50',
    timestamp: String(T + 60_000),
    host: 'h',
    details: '{"tiers":{"free":3}}',
    failures: '[]',
  });
  // A newer snapshot replaces the hash: metrics it lacks do not linger beside its timestamp.
  await writeSnapshot(scratch.redis, testSnapshot('h', T + 120_000, { memory_percent: 30 }), layout, opts);
  const latest = await scratch.redis.hgetall(layout.latestKey('h'));
  assert.equal(latest.cpu_percent, undefined);
  assert.equal(latest.memory_percent, '30');
});

test('a seriesOnly snapshot (health --record) adds to the series and leaves the latest hash alone', async () => {
  const layout = scratch.layout();
  await writeSnapshot(scratch.redis, testSnapshot('h', T, { cpu_percent: 50 }), layout, opts);
  const health = { ...testSnapshot('h', T + 60_000, { health_up: 1 }), seriesOnly: true };
  const written = await writeSnapshot(scratch.redis, health, layout, opts);
  assert.deepEqual(written, { metricsWritten: 1, latestUpdated: false, skipped: [] });
  assert.deepEqual(await scratch.redis.zrange(layout.metricKey('h', 'health_up'), '0', '-1'), [
    `${T + 60_000}:1`,
  ]);
  const latest = await scratch.redis.hgetall(layout.latestKey('h'));
  assert.equal(latest.timestamp, String(T));
  assert.equal(latest.cpu_percent, '50');
  assert.equal(latest.health_up, undefined);
  assert.equal(await scratch.redis.zscore(layout.hostsKey(), 'h'), String(T + 60_000));
});

test('every key written expires; the hosts index maps host to its newest timestamp', async () => {
  const layout = scratch.layout();
  await writeSnapshot(scratch.redis, testSnapshot('h1', T + 5, { a: 1, b: 2 }), layout, opts);
  await writeSnapshot(scratch.redis, testSnapshot('h2', T + 9, { a: 1 }), layout, opts);
  await writeSnapshot(scratch.redis, testSnapshot('h1', T, { a: 1 }), layout, opts); // replayed, older
  const keys = (await scratch.keys()).filter((key) => key.startsWith(layout.prefix));
  assert.equal(keys.length, 6); // 3 metric keys, 2 latest hashes, hosts
  for (const key of keys) {
    const ttl = await scratch.redis.pttl(key);
    assert.ok(ttl > 0 && ttl <= opts.keyExpiryMs, `${key} PTTL ${ttl}`);
  }
  assert.deepEqual(await scratch.redis.zrange(layout.hostsKey(), '0', '-1', 'WITHSCORES'), [
    'h1',
    String(T + 5),
    'h2',
    String(T + 9),
  ]);
});

test('writing the same snapshot twice leaves the same state', async () => {
  const layout = scratch.layout();
  const snapshot = testSnapshot('h', T, { a: 1, b: 2.5 }, { note: 'x' });
  await writeSnapshot(scratch.redis, snapshot, layout, opts);
  const dump = async () => {
    const state: Record<string, unknown> = {};
    for (const key of (await scratch.keys()).filter((k) => k.startsWith(layout.prefix))) {
      const type = await scratch.redis.type(key);
      state[key] =
        type === 'zset'
          ? await scratch.redis.zrange(key, '0', '-1', 'WITHSCORES')
          : await scratch.redis.hgetall(key);
    }
    return state;
  };
  const once = await dump();
  const again = await writeSnapshot(scratch.redis, snapshot, layout, opts);
  assert.equal(again.latestUpdated, true);
  assert.deepEqual(await dump(), once);
  assert.equal(await scratch.redis.zcard(layout.metricKey('h', 'a')), 1);
});

test('guide layout: metrics:<key> names, still scored by time', async () => {
  const layout = scratch.layout('guide');
  await writeSnapshot(scratch.redis, testSnapshot('h', T, { cpu_percent: 7 }), layout, opts);
  await writeSnapshot(scratch.redis, testSnapshot('h', T + 1000, { cpu_percent: 7 }), layout, opts);
  const keys = (await scratch.keys()).filter((key) => key.startsWith(layout.prefix));
  assert.deepEqual(keys, [
    `${layout.prefix}-hosts`,
    `${layout.prefix}-latest`,
    `${layout.prefix}:cpu_percent`,
  ]);
  assert.deepEqual(await scratch.redis.zrange(`${layout.prefix}:cpu_percent`, '0', '-1', 'WITHSCORES'), [
    `${T}:7`,
    String(T),
    `${T + 1000}:7`,
    String(T + 1000),
  ]);
});

test('sketches: one sorted set per name beside the metrics, trimmed and expiring as they are', async () => {
  const layout = scratch.layout();
  const sketched = (at: number, text: string) => ({
    ...testSnapshot('h', at, { processing_time_p95: 1 }),
    sketches: { processing_time: text },
  });
  const write = (at: number, text: string) => writeSnapshot(scratch.redis, sketched(at, text), layout, opts);
  assert.equal((await write(T, '{"values":[1]}')).latestUpdated, true);
  await write(T + HOUR_MS, '{"values":[2]}');
  await write(T + 25 * HOUR_MS, '{"values":[3]}');
  const key = layout.sketchKey('h', 'processing_time')!;
  assert.equal(key, `${layout.prefix}:{h}:sketch:processing_time`);
  assert.deepEqual(await scratch.redis.zrange(key, '0', '-1', 'WITHSCORES'), [
    `${T + HOUR_MS}:{"values":[2]}`,
    String(T + HOUR_MS),
    `${T + 25 * HOUR_MS}:{"values":[3]}`,
    String(T + 25 * HOUR_MS),
  ]);
  assert.ok((await scratch.redis.pttl(key)) > 47 * HOUR_MS);
  assert.deepEqual(Object.keys(await scratch.redis.hgetall(layout.latestKey('h'))).sort(), [
    'details',
    'failures',
    'host',
    'processing_time_p95',
    'timestamp',
  ]);

  const guide = scratch.layout('guide');
  await writeSnapshot(scratch.redis, sketched(T, '{"values":[1]}'), guide, opts);
  const keys = (await scratch.keys()).filter((k) => k.startsWith(guide.prefix));
  assert.deepEqual(keys, [
    `${guide.prefix}-hosts`,
    `${guide.prefix}-latest`,
    `${guide.prefix}:processing_time_p95`,
  ]);
});

test('non-finite values and reserved names are reported, not silently dropped', async () => {
  const layout = scratch.layout();
  const result = await writeSnapshot(
    scratch.redis,
    testSnapshot('h', T, { ok: 1, bad: Number.NaN, timestamp: 5 }),
    layout,
    opts,
  );
  assert.equal(result.metricsWritten, 2);
  assert.deepEqual(result.skipped, [
    'bad (value NaN)',
    'timestamp (series only: the latest hash uses the field for the snapshot)',
  ]);
  assert.equal(await scratch.redis.hget(layout.latestKey('h'), 'timestamp'), String(T));
});
