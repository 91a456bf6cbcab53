import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { guideStoreMetrics, scratchRedis, zrangePairs, type ScratchRedis } from '../kit/redisScratch.js';
import { runSmsmon } from '../kit/runSmsmon.js';

/**
 * The guide's own keys, written command for command as its store_metrics does through redis-py
 * (ZADD key value timestamp-in-seconds, then the trim by value), under a throwaway prefix that
 * stands for its `metrics`; smsmon's own keys under another throwaway prefix from the config.
 */
const NOW = '2024-01-20T12:30:00Z';
const S = Date.parse(NOW) / 1000;
const dir = mkdtempSync(join(tmpdir(), 'smsmon-migrate-'));
let scratch: ScratchRedis;
let config: string;

before(async () => {
  scratch = await scratchRedis();
  config = join(dir, 'smsmon.config.json');
  writeFileSync(config, JSON.stringify({ redis: { url: 'redis://127.0.0.1:6379', prefix: scratch.prefix } }));
});

after(async () => {
  await scratch.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

const smsmon = (args: string[]) =>
  runSmsmon(['metrics', ...args], { env: { SMSMON_CONFIG: config, SMSMON_NOW: NOW } });
const guideLines = (stderr: string) =>
  stderr.split('\n').filter((l) => l.includes("guide's original layout"));

test("show reads the guide's keys (once on stderr); migrate moves them; a rerun moves nothing", async () => {
  const guide = scratch.layout('guide').prefix;
  await guideStoreMetrics(
    scratch.redis,
    guide,
    S - 120,
    { cpu_usage: 40, tasks_last_hour: 3 },
    { trim: false },
  );
  await guideStoreMetrics(
    scratch.redis,
    guide,
    S - 60,
    { cpu_usage: 42.5, tasks_last_hour: 5 },
    { trim: false },
  );
  await scratch.redis.zadd(`${guide}:junk`, 1, 'not-a-time');

  const show = await smsmon(['show', '--guide-layout', '--prefix', guide, '--since', '1h', '--json']);
  assert.equal(show.code, 0, show.stderr);
  const doc = JSON.parse(show.stdout) as Record<string, unknown> & { history: Record<string, unknown[]> };
  assert.deepEqual([doc.cpu_usage, doc.tasks_last_hour], [42.5, 5]);
  assert.deepEqual(Object.keys(doc).sort(), [
    'by_host',
    'cpu_usage',
    'history',
    'hosts',
    'since',
    'tasks_last_hour',
    'until',
  ]);
  assert.deepEqual(doc.history.cpu_usage, [
    { time: new Date((S - 120) * 1000).toISOString(), value: 40 },
    { time: new Date((S - 60) * 1000).toISOString(), value: 42.5 },
  ]);
  assert.equal(guideLines(show.stderr).length, 1, show.stderr);
  assert.match(show.stderr, /`smsmon metrics migrate`/);
  assert.match(
    show.stderr,
    new RegExp(`${guide}:junk holds nothing readable: 1 member\\(s\\) neither .*"not-a-time"`),
  );

  const dry = await smsmon(['migrate', '--prefix', guide, '--to', 'host', '--host', 'web-9', '--dry-run']);
  assert.equal(dry.code, 0, dry.stderr);
  assert.match(dry.stdout, /would move 4 sample\(s\) from 2 key\(s\)/);
  assert.equal(await scratch.redis.exists(`${scratch.prefix}:{web-9}:metric:cpu_usage`), 0);

  const run = await smsmon(['migrate', '--prefix', guide, '--to', 'host', '--host', 'web-9']);
  assert.equal(run.code, 0, run.stderr);
  assert.match(
    run.stdout,
    new RegExp(`^${guide}:cpu_usage → ${scratch.prefix}:\\{web-9\\}:metric:cpu_usage: 2 moved$`, 'm'),
  );
  assert.match(run.stdout, /:junk → .*: 0 moved, 1 unreadable left in place/);
  assert.match(run.stdout, /^moved 4 sample\(s\) from 2 key\(s\) of .* \(host layout\)$/m);
  assert.deepEqual(await zrangePairs(scratch.redis, `${scratch.prefix}:{web-9}:metric:tasks_last_hour`), [
    [`${(S - 120) * 1000}:3`, (S - 120) * 1000],
    [`${(S - 60) * 1000}:5`, (S - 60) * 1000],
  ]);

  const rerun = await smsmon(['migrate', '--prefix', guide, '--to', 'host', '--host', 'web-9', '--json']);
  assert.equal(rerun.code, 0, rerun.stderr);
  const again = JSON.parse(rerun.stdout) as { moved: number; keys: { key: string; moved: number }[] };
  assert.equal(again.moved, 0);
  assert.deepEqual(
    again.keys.map((k) => [k.key, k.moved]),
    [[`${guide}:junk`, 0]],
  );

  const after = await smsmon(['show', '--host', 'web-9', '--since', '1h', '--ndjson']);
  assert.equal(after.code, 0, after.stderr);
  assert.equal(after.stdout.trim().split('\n').length, 4);
  assert.deepEqual(guideLines(after.stderr), []);
});

test('--to guide rewrites in place: show --guide-layout then reads without the stderr line', async () => {
  const guide = scratch.layout('guide').prefix;
  await guideStoreMetrics(scratch.redis, guide, S - 60, { errors_last_hour: 2 }, { trim: false });
  const run = await smsmon(['migrate', '--prefix', guide, '--to', 'guide']);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /^moved 1 sample\(s\) from 1 key\(s\) .*\(guide layout\)$/m);
  assert.deepEqual(await zrangePairs(scratch.redis, `${guide}:errors_last_hour`), [
    [`${(S - 60) * 1000}:2`, (S - 60) * 1000],
  ]);
  const show = await smsmon(['show', '--guide-layout', '--prefix', guide, '--since', '1h']);
  assert.equal(show.code, 0, show.stderr);
  assert.match(show.stdout, /errors_last_hour +│ +1 │/);
  assert.equal(show.stderr, '');
  const rerun = await smsmon(['migrate', '--prefix', guide, '--to', 'guide']);
  assert.match(rerun.stdout, /^nothing to move: .* \(1 key\(s\) already in smsmon's layout\)$/m);
});

test("after the guide's own trim: no samples (exit 1) with the cause; usage 2; Redis down 3", async () => {
  const guide = scratch.layout('guide').prefix;
  await guideStoreMetrics(scratch.redis, guide, S - 60, { cpu_usage: 42.5, memory_usage: 61 });
  assert.deepEqual(await scratch.keys().then((keys) => keys.filter((k) => k.startsWith(guide))), []);
  const show = await smsmon(['show', '--guide-layout', '--prefix', guide]);
  assert.equal(show.code, 1);
  assert.match(
    show.stderr,
    /^smsmon: no samples since .* no such key exists\. .*zremrangebyscore\(key, 0, cutoff\).*nearly all — is deleted right after it is written/,
  );

  // A negative value survives the trim; older than the window, it is named with its time.
  await guideStoreMetrics(scratch.redis, guide, S - 3 * 86_400, { balance: -5 });
  const old = await smsmon(['show', '--guide-layout', '--prefix', guide, '--since', '1h']);
  assert.equal(old.code, 1);
  assert.match(
    old.stderr,
    /the 1 sample\(s\) in the guide's original layout are older, the newest at 2024-01-17T12:30:00\.000Z/,
  );

  const migrate = await smsmon(['migrate', '--prefix', guide]);
  assert.equal(migrate.code, 0, migrate.stderr);
  assert.match(
    migrate.stdout,
    /^moved 1 sample\(s\) from 1 key\(s\) .* \(host layout\)$/m,
    'redis.layout decides',
  );
  const usage = await smsmon(['migrate', '--to', 'hots']);
  assert.equal(usage.code, 2);
  assert.match(usage.stderr, /^smsmon: unknown Redis layout "hots"; expected host, guide\n$/);
  const down = await smsmon(['migrate', '--redis', 'redis://127.0.0.1:1']);
  assert.equal(down.code, 3);
  assert.match(down.stderr, /Redis at 127\.0\.0\.1:1 not reachable/);
});
