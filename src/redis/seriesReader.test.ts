import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { UsageError } from '../core/errors.js';
import {
  guideStoreMetrics,
  HOUR_MS,
  scratchRedis,
  testSnapshot,
  type ScratchRedis,
} from '../../test/kit/redisScratch.js';
import { writeSnapshot } from './snapshotWriter.js';
import { pointFromMember, readSeries } from './seriesReader.js';

let scratch: ScratchRedis;
before(async () => {
  scratch = await scratchRedis();
});
after(() => scratch?.cleanup());

const T = Date.UTC(2025, 0, 15, 12);
const opts = { retentionMs: 24 * HOUR_MS, keyExpiryMs: 48 * HOUR_MS };
const window = { sinceMs: T - HOUR_MS, nowMs: T + HOUR_MS };

test('round trip for one host: series in the window, latest snapshot as written', async () => {
  const layout = scratch.layout();
  const host = 'web[1]*'; // glob characters are matched literally by SCAN
  const snapshots = [
    testSnapshot(host, T - 2 * HOUR_MS, { cpu_percent: 1 }), // before sinceMs
    testSnapshot(host, T, { cpu_percent: 12.5, disk_percent: 40 }),
    testSnapshot(host, T + 60_000, { cpu_percent: 12.5 }, { tiers: { free: 2 } }),
  ];
  for (const s of snapshots) await writeSnapshot(scratch.redis, s, layout, opts);
  const other = 'web[1]*-other'; // shares the prefix of the host's keys, must not leak in
  await writeSnapshot(scratch.redis, testSnapshot(other, T, { cpu_percent: 99 }), layout, opts);

  const result = await readSeries(scratch.redis, layout, { host, ...window });
  assert.deepEqual(result.hosts, [host]);
  assert.deepEqual(result.series, {
    cpu_percent: [
      { timestamp: T, value: 12.5, host },
      { timestamp: T + 60_000, value: 12.5, host },
    ],
    disk_percent: [{ timestamp: T, value: 40, host }],
  });
  assert.deepEqual(result.latest, { [host]: snapshots[2] });
  assert.equal(result.unparsed, 0);
  assert.deepEqual(result.guideKeys, [], 'the host layout is read by window, never whole');

  const onlyDisk = await readSeries(scratch.redis, layout, {
    host,
    keys: ['disk_percent', 'absent'],
    ...window,
  });
  assert.deepEqual(Object.keys(onlyDisk.series), ['disk_percent']);
});

test('--fleet: every host from the index, each metric merged in time order', async () => {
  const layout = scratch.layout();
  for (const [host, t, v] of [
    ['b', T + 2000, 2],
    ['a', T + 1000, 1],
    ['a', T + 3000, 3],
    ['b', T + 3000, 4],
  ] as const) {
    await writeSnapshot(scratch.redis, testSnapshot(host, t, { load: v }), layout, opts);
  }
  const result = await readSeries(scratch.redis, layout, { fleet: true, ...window });
  assert.deepEqual(result.hosts, ['a', 'b']);
  assert.deepEqual(result.series.load, [
    { timestamp: T + 1000, value: 1, host: 'a' },
    { timestamp: T + 2000, value: 2, host: 'b' },
    { timestamp: T + 3000, value: 3, host: 'a' },
    { timestamp: T + 3000, value: 4, host: 'b' },
  ]);
  assert.deepEqual(Object.keys(result.latest).sort(), ['a', 'b']);
  assert.equal(result.latest.b?.metrics.load, 4);
});

test('guide layout reads the one shared series; its entries carry no host', async () => {
  const layout = scratch.layout('guide');
  await writeSnapshot(scratch.redis, testSnapshot('a', T, { load: 1 }), layout, opts);
  await writeSnapshot(scratch.redis, testSnapshot('b', T + 1, { load: 1 }), layout, opts);
  const result = await readSeries(scratch.redis, layout, { fleet: true, ...window });
  assert.deepEqual(result.hosts, ['a', 'b']);
  assert.deepEqual(result.series.load, [
    { timestamp: T, value: 1, host: '' },
    { timestamp: T + 1, value: 1, host: '' },
  ]);
  assert.deepEqual(Object.keys(result.latest), ['b']);
  const noHost = await readSeries(scratch.redis, layout, window);
  assert.deepEqual([noHost.hosts, noHost.series], [[], result.series]);
});

test("guide layout: the guide's own store_metrics samples (member = seconds, score = value) beside smsmon's", async () => {
  const layout = scratch.layout('guide');
  const s = T / 1000;
  await guideStoreMetrics(scratch.redis, layout.prefix, s - 60, { cpu_usage: 40, load: -1 }, { trim: false });
  await guideStoreMetrics(scratch.redis, layout.prefix, s, { cpu_usage: 42.5 }, { trim: false });
  await guideStoreMetrics(scratch.redis, layout.prefix, s - 2 * 3600, { cpu_usage: 1 }, { trim: false });
  // smsmon's snapshot into the same key trims only its own members, not the guide's (scored by value).
  await writeSnapshot(scratch.redis, testSnapshot('h', T + 30_000, { cpu_usage: 50 }), layout, opts);
  await scratch.redis.zadd(`${layout.prefix}:junk`, 7, 'abc', 8, '42');
  await scratch.redis.set(`${layout.prefix}:text`, 'x');

  const result = await readSeries(scratch.redis, layout, window);
  assert.deepEqual(result.series, {
    cpu_usage: [
      { timestamp: T - 60_000, value: 40, host: '' },
      { timestamp: T, value: 42.5, host: '' },
      { timestamp: T + 30_000, value: 50, host: '' },
    ],
    load: [{ timestamp: T - 60_000, value: -1, host: '' }],
  });
  assert.equal(result.unparsed, 2);
  const byKey = Object.fromEntries(result.guideKeys.map((k) => [k.key.slice(layout.prefix.length + 1), k]));
  assert.deepEqual(Object.keys(byKey).sort(), ['cpu_usage', 'junk', 'load', 'text']);
  assert.deepEqual(byKey.cpu_usage, {
    key: `${layout.prefix}:cpu_usage`,
    members: { smsmon: 1, 'guide-original': 3 },
    unreadable: 0,
    guideOriginalInWindow: 2,
    guideOriginalNewest: T,
  });
  assert.deepEqual([byKey.junk!.unreadable, byKey.junk!.example], [2, 'abc']);
  assert.equal(byKey.text!.notSortedSet, 'string');
});

test("guide layout after the guide's own trim: the keys are gone", async () => {
  const layout = scratch.layout('guide');
  await guideStoreMetrics(scratch.redis, layout.prefix, T / 1000, { cpu_usage: 42.5, errors: 0, neg: -2 });
  const result = await readSeries(scratch.redis, layout, window);
  assert.deepEqual(Object.keys(result.series), ['neg'], 'only a value below 0 survives the trim by value');
  assert.deepEqual(
    result.guideKeys.map((k) => k.key),
    [`${layout.prefix}:neg`],
  );
});

test('members that are not timestamp:value are counted, not fatal', async () => {
  const layout = scratch.layout();
  await writeSnapshot(scratch.redis, testSnapshot('h', T, { x: 1 }), layout, opts);
  await scratch.redis.zadd(layout.metricKey('h', 'x'), T + 1, 'garbage', T + 2, `${T + 2}:`);
  const result = await readSeries(scratch.redis, layout, { host: 'h', ...window });
  assert.deepEqual(result.series.x, [{ timestamp: T, value: 1, host: 'h' }]);
  assert.equal(result.unparsed, 2);
});

test('without a host or --fleet the query is a usage error', async () => {
  await assert.rejects(readSeries(scratch.redis, scratch.layout(), window), UsageError);
});

test('pointFromMember', () => {
  assert.deepEqual(pointFromMember('1700000000000:-0.25', 'h'), {
    timestamp: 1700000000000,
    value: -0.25,
    host: 'h',
  });
  assert.deepEqual(pointFromMember('5:1e-7', ''), { timestamp: 5, value: 1e-7, host: '' });
  for (const bad of ['', ':1', '5', '5:', 'x:1', '5:abc', '5:Infinity'])
    assert.equal(pointFromMember(bad, 'h'), null);
});
