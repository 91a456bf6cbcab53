import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type pg from 'pg';
import { scratchRedis, zrangePairs, type ScratchRedis } from '../kit/redisScratch.js';
import {
  connectTestDatabase,
  createDjangoSchema,
  dropSchema,
  seedDjangoRows,
  TEST_DATABASE_URL,
  throwawaySchemaName,
} from '../kit/djangoSchema.js';
import { REPO, runSmsmon } from '../kit/runSmsmon.js';

/**
 * metrics collect / snapshot / show end to end, on the real PostgreSQL and Redis: a throwaway
 * schema with Django's tables seeded around a pinned clock (SMSMON_NOW), a throwaway Redis
 * prefix, the bundled sample logs (written 2024-01-20 00:00–00:04 UTC) and a private spool file.
 */
const NOW = '2024-01-20T00:30:00Z';
const HOUR = 3_600_000;
const dir = mkdtempSync(join(tmpdir(), 'smsmon-metrics-'));
const schema = throwawaySchemaName('smsmon_e2e');
const spool = join(dir, 'state', 'spool.ndjson');
let db: pg.Client;
let scratch: ScratchRedis;
let config: string;
const zrange = (key: string) => zrangePairs(scratch.redis, key);

before(async () => {
  db = await connectTestDatabase();
  scratch = await scratchRedis();
  await createDjangoSchema(db, schema);
  await seedDjangoRows(db, schema, new Date(NOW), {
    users: [
      { lastActiveAgo: '5 minutes', tier: 'free' },
      { lastActiveAgo: '1 hour', tier: 'free' }, // exactly an hour: counted, as Django's __gte
      { lastActiveAgo: '1 hour 1 microsecond', tier: 'pro' },
      { lastActiveAgo: '3 hours', tier: null },
      { lastActiveAgo: '2 days', tier: 'free' },
    ],
    tasks: [
      { createdAgo: '10 minutes', success: true, processingTime: 1.5, category: 'weather' },
      { createdAgo: '20 minutes', success: true, processingTime: 0.5, category: 'weather' },
      { createdAgo: '30 minutes', success: true, processingTime: null, category: 'jokes' },
      { createdAgo: '40 minutes', success: false, processingTime: 3, category: 'jokes' },
      { createdAgo: '1 hour', success: null, processingTime: null, category: 'news' },
      { createdAgo: '2 hours', success: true, processingTime: 9, category: 'news' },
      { createdAgo: '25 hours', success: true, processingTime: 9, category: 'old' },
    ],
    errors: [{ ago: '15 minutes' }, { ago: '59 minutes 59 seconds' }, { ago: '90 minutes' }],
  });
  config = join(dir, 'smsmon.config.json');
  writeFileSync(
    config,
    JSON.stringify({
      logDir: join(REPO, 'fixtures/logs'),
      database: {
        url: TEST_DATABASE_URL,
        tables: {
          user: `${schema}.core_user`,
          task: `${schema}.core_task`,
          errorLog: `${schema}.core_errorlog`,
        },
      },
      redis: { url: 'redis://127.0.0.1:6379', prefix: scratch.prefix },
      spool: { path: spool },
    }),
  );
});

after(async () => {
  await dropSchema(db, schema).finally(() => db.end());
  await scratch.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

const smsmon = (args: string[], now = NOW) =>
  runSmsmon(['--config', config, 'metrics', ...args], { env: { SMSMON_NOW: now } });

interface SnapshotJson {
  host: string;
  timestamp: number;
  metrics: Record<string, number>;
  details: Record<string, unknown>;
  failures: Array<{ source: string; message: string }>;
}

test('collect --json: the database aggregates exactly, and the log figures of the last hour', async () => {
  const { stdout, stderr, code } = await smsmon(['collect', '--json', '--no-system']);
  assert.equal(code, 0, stderr);
  const snapshot = JSON.parse(stdout) as SnapshotJson;
  assert.deepEqual(snapshot.failures, []);
  const m = snapshot.metrics;
  assert.equal(m.active_users_last_hour, 2);
  assert.equal(m.daily_active_users, 4);
  assert.equal(m.tasks_last_hour, 5);
  assert.equal(m.successful_tasks_last_hour, 3);
  assert.equal(m.failed_tasks_last_hour, 1);
  assert.equal(m.avg_processing_time, 1);
  assert.equal(m.errors_last_hour, 2);
  assert.equal(m.tasks_per_hour, 6 / 24);
  assert.deepEqual(snapshot.details.user_tier_distribution, { free: 3, pro: 1, '(none)': 1 });
  // The same figures from plain SQL at the same instant.
  const ref = await db.query<{ active: string; tasks: string; ok: string; avg: number }>(
    `SELECT (SELECT count(*) FROM ${schema}.core_user WHERE last_active >= $1::timestamptz - interval '1 hour') AS active,
            (SELECT count(*) FROM ${schema}.core_task WHERE created_at >= $1::timestamptz - interval '1 hour') AS tasks,
            (SELECT count(*) FROM ${schema}.core_task WHERE created_at >= $1::timestamptz - interval '1 hour' AND success) AS ok,
            (SELECT avg(processing_time) FROM ${schema}.core_task WHERE created_at >= $1::timestamptz - interval '1 hour' AND success) AS avg`,
    [NOW],
  );
  const row = ref.rows[0]!;
  assert.deepEqual(
    [m.active_users_last_hour, m.tasks_last_hour, m.successful_tasks_last_hour, m.avg_processing_time],
    [Number(row.active), Number(row.tasks), Number(row.ok), Number(row.avg)],
  );
  // The sample logs were all written in the hour before NOW: their manifest is the truth.
  const truth = JSON.parse(readFileSync(join(REPO, 'fixtures/logs/manifest.json'), 'utf8')).families.app;
  assert.equal(m.log_records_last_hour, truth.records);
  assert.equal(m.log_errors_last_hour, truth.errorRecords);
  assert.equal(m.log_warning_last_hour, truth.levels.WARNING);
  assert.equal(m.error_rate, Math.round((100_000 * truth.errorRecords) / truth.records) / 1000);
  assert.equal(m.processing_time_count, truth.processingTime.count);
  for (const p of ['p50', 'p95'] as const)
    assert.ok(
      Math.abs(m[`processing_time_${p}`]! - truth.processingTime[p]) <= 0.01 * truth.processingTime[p],
    );
});

test('collect: a window that cuts the logs counts only the records inside it', async () => {
  const now = '2024-01-20T01:02:00Z'; // the window starts at 00:02:00
  const { stdout } = await smsmon(['collect', '--json', '--no-system', '--no-database'], now);
  const counted = (JSON.parse(stdout) as SnapshotJson).metrics.log_records_last_hour;
  const search = await runSmsmon(
    [
      'logs',
      'search',
      'app',
      '--dir',
      join(REPO, 'fixtures/logs'),
      '--since',
      '2024-01-20T00:02:00Z',
      '--fields',
      'level',
    ],
    { env: { SMSMON_NOW: now } },
  );
  const expected = search.stdout.split('\n').filter(Boolean).length;
  assert.ok(expected > 100 && expected < 2246, `${expected}`);
  assert.equal(counted, expected);
});

test('collect with the database down: the other sources still come out, exit 3 and a one-line reason', async () => {
  const { stdout, stderr, code } = await smsmon([
    'collect',
    '--json',
    '--sample',
    '100ms',
    '--db',
    'postgres://monitor:s3cret-pw@127.0.0.1:1/test',
  ]);
  assert.equal(code, 3);
  const snapshot = JSON.parse(stdout) as SnapshotJson;
  assert.equal(snapshot.failures.length, 1);
  assert.equal(snapshot.failures[0]!.source, 'database');
  assert.match(
    stderr,
    /^smsmon: database metrics failed: cannot connect to PostgreSQL at 127\.0\.0\.1:1: connection refused\n$/,
  );
  assert.ok(!stdout.includes('s3cret-pw') && !stderr.includes('s3cret-pw'));
  assert.ok(snapshot.metrics.cpu_percent! >= 0 && snapshot.metrics.log_records_last_hour! > 0);
});

test('snapshot → show round-trips; scores are timestamps; equal values are both kept; old entries trimmed', async () => {
  const t0 = Date.parse(NOW);
  const at = (ms: number) => new Date(t0 + ms).toISOString();
  for (const ms of [0, 60_000]) {
    const run = await smsmon(['snapshot', '--no-system', '--host', 'web-1', '--quiet'], at(ms));
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, '');
  }
  const key = `${scratch.prefix}:{web-1}:metric:tasks_per_hour`;
  assert.deepEqual(await zrange(key), [
    [`${t0}:0.25`, t0],
    [`${t0 + 60_000}:0.25`, t0 + 60_000],
  ]);
  assert.ok((await scratch.redis.pttl(key)) > 0, 'every key expires');

  const show = await smsmon(['show', '--host', 'web-1', '--json', '--since', '1h'], at(120_000));
  assert.equal(show.code, 0, show.stderr);
  const doc = JSON.parse(show.stdout) as Record<string, unknown> & { history: Record<string, unknown[]> };
  assert.equal(doc.tasks_last_hour, 4); // the latest: a minute on, the task of exactly an hour ago is out
  assert.equal(doc.avg_processing_time, 1);
  assert.equal(doc.history.tasks_last_hour!.length, 2);
  const text = await smsmon(['show', '--host', 'web-1', 'tasks_last_hour', 'error_rate'], at(120_000));
  assert.match(text.stdout, /tasks_last_hour +│ +2 │/);

  // 25 hours later the first two are older than the 24 h retention.
  const late = await smsmon(['snapshot', '--no-system', '--host', 'web-1', '--quiet'], at(25 * HOUR));
  assert.equal(late.code, 0, late.stderr);
  assert.deepEqual(
    (await zrange(key)).map(([, score]) => score),
    [t0 + 25 * HOUR],
  );
});

test('Redis down: the snapshot is spooled (exit 4) and written, in order, by the next run', async () => {
  const t0 = Date.parse('2024-01-21T10:00:00Z');
  const at = (ms: number) => new Date(t0 + ms).toISOString();
  const down = await smsmon(
    ['snapshot', '--no-system', '--host', 'web-2', '--redis', 'redis://127.0.0.1:1', '--quiet'],
    at(0),
  );
  assert.equal(down.code, 4, down.stderr);
  assert.match(down.stderr, /snapshot spooled to .*spool\.ndjson \(1 waiting\)/);
  assert.equal(readFileSync(spool, 'utf8').trim().split('\n').length, 1);
  const up = await smsmon(['snapshot', '--no-system', '--host', 'web-2'], at(60_000));
  assert.equal(up.code, 0, up.stderr);
  assert.match(up.stderr, /replayed 1 spooled snapshot/);
  assert.equal(existsSync(spool), false, 'the spool is gone once replayed');
  const key = `${scratch.prefix}:{web-2}:metric:log_records_last_hour`;
  assert.deepEqual(
    (await zrange(key)).map(([, score]) => score),
    [t0, t0 + 60_000],
  );
  const fleet = await smsmon(
    ['show', '--fleet', '--ndjson', 'tasks_last_hour', '--since', '2024-01-19T00:00:00Z'],
    at(120_000),
  );
  const hosts = new Set(
    fleet.stdout
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { host: string }).host),
  );
  assert.deepEqual([...hosts].sort(), ['web-1', 'web-2']);
});

test("--guide-layout writes the guide's metrics:<name> sorted sets, scored by time", async () => {
  const prefix = `${scratch.prefix}-guide`;
  const run = await smsmon([
    'snapshot',
    '--no-system',
    '--no-logs',
    '--guide-layout',
    '--prefix',
    prefix,
    '--quiet',
  ]);
  assert.equal(run.code, 0, run.stderr);
  const t = Date.parse(NOW);
  assert.deepEqual(await zrange(`${prefix}:errors_last_hour`), [[`${t}:2`, t]]);
  await scratch.redis.del(...(await scratch.redis.keys(`${prefix}*`)));
});

test('show: a misspelt metric name gets the stored name it is near; a far-off one gets none', async () => {
  const snap = await smsmon(['snapshot', '--no-system', '--host', 'web-typo', '--quiet']);
  assert.equal(snap.code, 0, snap.stderr);
  const typo = await smsmon(['show', '--host', 'web-typo', '--since', '1h', 'tasks_last_hoor']);
  assert.equal(typo.code, 1);
  assert.match(typo.stderr, /^smsmon: no samples for "tasks_last_hoor"; did you mean tasks_last_hour\?$/m);
  // One misspelt beside a right one: the table still prints, and the typo is still named.
  const mixed = await smsmon(['show', '--host', 'web-typo', '--since', '1h', 'error_rate', 'eror_rate']);
  assert.equal(mixed.code, 0, mixed.stderr);
  assert.match(mixed.stdout, /error_rate/);
  assert.match(mixed.stderr, /no samples for "eror_rate"; did you mean error_rate\?/);
  const far = await smsmon(['show', '--host', 'web-typo', '--since', '1h', 'queue_depth']);
  assert.equal(far.code, 1);
  assert.doesNotMatch(far.stderr, /did you mean/);
});

test('show: nothing stored is exit 1 with a reason; Redis down is exit 3', async () => {
  const none = await smsmon(['show', '--host', 'nobody']);
  assert.equal(none.code, 1);
  assert.match(none.stderr, /no samples for host nobody/);
  const down = await smsmon(['show', '--redis', 'redis://:pw-secret@127.0.0.1:1']);
  assert.equal(down.code, 3);
  assert.equal(down.stderr.trim().split('\n').length, 1);
  assert.ok(!down.stderr.includes('pw-secret'));
});
