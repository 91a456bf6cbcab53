import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  guideStoreMetrics,
  HOUR_MS,
  scratchRedis,
  zrangePairs,
  type ScratchRedis,
} from '../../test/kit/redisScratch.js';
import { readWholeKeys } from './seriesKeys.js';
import { applyPlan, migrateGuideKeys, planKey, type MigrationOptions } from './guideMigration.js';
import { writeSnapshot } from './snapshotWriter.js';

let scratch: ScratchRedis;
before(async () => {
  scratch = await scratchRedis();
});
after(() => scratch?.cleanup());

const T = Date.UTC(2024, 0, 20, 12);
const S = T / 1000;
const keep = { retentionMs: 24 * HOUR_MS, keyExpiryMs: 48 * HOUR_MS };

const zrange = (key: string) => zrangePairs(scratch.redis, key);

function options(overrides: Partial<MigrationOptions> = {}): MigrationOptions {
  return {
    from: scratch.layout('guide'),
    to: scratch.layout('host'),
    host: 'web-1',
    dryRun: false,
    ...keep,
    ...overrides,
  };
}

test('into the host layout: samples as smsmon writes them, expiry, hosts index; a rerun moves nothing', async () => {
  const opts = options();
  const prefix = opts.from.prefix;
  await guideStoreMetrics(scratch.redis, prefix, S - 60, { cpu_usage: 40, load: 0.1 }, { trim: false });
  await guideStoreMetrics(scratch.redis, prefix, S, { cpu_usage: 42.5 }, { trim: false });
  await scratch.redis.zadd(`${prefix}:junk`, 1, 'abc');

  const dry = await migrateGuideKeys(scratch.redis, { ...opts, dryRun: true });
  assert.deepEqual(
    dry.keys.map((k) => [k.key.slice(prefix.length + 1), k.moved, k.unreadable]),
    [
      ['cpu_usage', 2, 0],
      ['junk', 0, 1],
      ['load', 1, 0],
    ],
  );
  assert.deepEqual(await scratch.redis.keys(`${opts.to.prefix}*`), [], '--dry-run writes nothing');

  const first = await migrateGuideKeys(scratch.redis, opts);
  assert.deepEqual(first.keys, dry.keys);
  const cpu = opts.to.metricKey('web-1', 'cpu_usage');
  assert.deepEqual(await zrange(cpu), [
    [`${T - 60_000}:40`, T - 60_000],
    [`${T}:42.5`, T],
  ]);
  assert.deepEqual(await zrange(opts.to.metricKey('web-1', 'load')), [[`${T - 60_000}:0.1`, T - 60_000]]);
  assert.ok((await scratch.redis.pttl(cpu)) > 47 * HOUR_MS);
  assert.deepEqual(await zrange(opts.to.hostsKey()), [['web-1', T]]);
  assert.equal(await scratch.redis.exists(`${prefix}:cpu_usage`), 0, 'the moved samples leave the source');
  assert.deepEqual(await zrange(`${prefix}:junk`), [['abc', 1]], 'what neither form reads stays');

  const again = await migrateGuideKeys(scratch.redis, opts);
  assert.deepEqual(
    again.keys.map((k) => [k.key.slice(prefix.length + 1), k.moved]),
    [['junk', 0]],
  );
  assert.equal((await zrange(cpu)).length, 2);
});

test("in place (--to guide): a mixed key keeps smsmon's samples; its trim leaves the guide's form alone", async () => {
  const layout = scratch.layout('guide');
  const opts = options({ from: layout, to: layout });
  await writeSnapshot(
    scratch.redis,
    { host: 'h', timestamp: T + 30_000, metrics: { cpu_usage: 50 }, details: {}, failures: [] },
    layout,
    keep,
  );
  await guideStoreMetrics(scratch.redis, layout.prefix, S, { cpu_usage: 42.5 }, { trim: false });
  await guideStoreMetrics(scratch.redis, layout.prefix, S - 30 * 3600, { cpu_usage: 7 }, { trim: false });
  const key = layout.metricKey('', 'cpu_usage');

  const { keys } = await migrateGuideKeys(scratch.redis, opts);
  assert.deepEqual(
    keys.map((k) => [k.moved, k.expired]),
    [[1, 1]],
    'older than 24 h before the newest: dropped as a snapshot trim would',
  );
  assert.deepEqual(await zrange(key), [
    [`${T}:42.5`, T],
    [`${T + 30_000}:50`, T + 30_000],
  ]);
  const again = await migrateGuideKeys(scratch.redis, opts);
  assert.deepEqual([again.keys, again.alreadySmsmon], [[], 1]);
});

test('a writer between reading and moving: its changes are left for a rerun, nothing is lost', async () => {
  const layout = scratch.layout('guide');
  const to = scratch.layout('host');
  await guideStoreMetrics(scratch.redis, layout.prefix, S - 120, { cpu: 1 }, { trim: false });
  await guideStoreMetrics(scratch.redis, layout.prefix, S - 60, { cpu: 2 }, { trim: false });
  await guideStoreMetrics(scratch.redis, layout.prefix, S, { cpu: 3 }, { trim: false });
  const [contents] = await readWholeKeys(scratch.redis, layout, '', ['cpu']);
  const plan = planKey(contents!, to.metricKey('web-1', 'cpu'), keep.retentionMs);

  // Meanwhile: one sample rewritten with another value, one removed, a new one written.
  await scratch.redis.zadd(`${layout.prefix}:cpu`, 9, String(S - 60));
  await scratch.redis.zrem(`${layout.prefix}:cpu`, String(S));
  await guideStoreMetrics(scratch.redis, layout.prefix, S + 60, { cpu: 4 }, { trim: false });
  assert.deepEqual(await applyPlan(scratch.redis, plan, keep), { moved: 1, expired: 0, changed: 2 });
  assert.deepEqual(await zrange(`${layout.prefix}:cpu`), [
    [String(S + 60), 4],
    [String(S - 60), 9],
  ]);

  const rerun = await migrateGuideKeys(scratch.redis, options({ from: layout, to }));
  assert.deepEqual(
    rerun.keys.map((k) => k.moved),
    [2],
  );
  assert.deepEqual(
    (await zrange(to.metricKey('web-1', 'cpu'))).map(([member]) => member),
    [`${T - 120_000}:1`, `${T - 60_000}:9`, `${T + 60_000}:4`],
  );
});
