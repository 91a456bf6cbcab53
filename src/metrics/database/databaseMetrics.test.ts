import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import type pg from 'pg';
import {
  collectDatabaseMetrics,
  DEFAULT_COLUMNS,
  DEFAULT_TABLES,
  type DatabaseMetricsOptions,
} from './databaseMetrics.js';
import {
  connectTestDatabase,
  createDjangoSchema,
  dropSchema,
  seedDjangoRows,
  type SeedRows,
  TEST_DATABASE_URL,
  throwawaySchemaName,
  withPassword,
} from '../../../test/kit/djangoSchema.js';

/** Pinned a little in the past so the database's own now() is certainly later. */
const PINNED = new Date(Math.floor(Date.now() / 1000) * 1000 - 5000);
const JUST_OVER_AN_HOUR = '1 hour 1 microsecond';
const JUST_OVER_A_DAY = '1 day 1 microsecond';

// Every boundary has a row exactly on it (counted: >= like Django's __gte) and one a microsecond older.
const SEED: SeedRows = {
  users: [
    { lastActiveAgo: '5 minutes', tier: 'free' },
    { lastActiveAgo: '1 hour', tier: 'pro' },
    { lastActiveAgo: JUST_OVER_AN_HOUR, tier: 'pro' },
    { lastActiveAgo: '23 hours', tier: 'free' },
    { lastActiveAgo: '1 day', tier: null },
    { lastActiveAgo: JUST_OVER_A_DAY, tier: 'enterprise' },
    { lastActiveAgo: null, tier: null },
  ],
  tasks: [
    { createdAgo: '10 minutes', success: true, processingTime: 1.5, category: 'weather' },
    { createdAgo: '20 minutes', success: true, processingTime: 2.5, category: 'weather' },
    { createdAgo: '30 minutes', success: true, processingTime: null, category: 'news' },
    { createdAgo: '40 minutes', success: false, processingTime: 9, category: 'news' },
    { createdAgo: '50 minutes', success: null, processingTime: null, category: 'weather' },
    { createdAgo: '1 hour', success: true, processingTime: 5, category: 'jokes' },
    { createdAgo: JUST_OVER_AN_HOUR, success: true, processingTime: 100, category: 'jokes' },
    { createdAgo: '2 hours', success: false, processingTime: null, category: 'math' },
    { createdAgo: '3 hours', success: true, processingTime: 1, category: null },
    { createdAgo: '23 hours', success: true, processingTime: 3, category: 'news' },
    { createdAgo: '1 day', success: null, processingTime: null, category: 'math' },
    { createdAgo: JUST_OVER_A_DAY, success: true, processingTime: 7, category: 'jokes' },
  ],
  errors: [{ ago: '1 minute' }, { ago: '1 hour' }, { ago: JUST_OVER_AN_HOUR }, { ago: '5 hours' }],
};

let database: Promise<{ admin: pg.Client; schema: string }> | undefined;

/** One seeded schema per run; every test awaits it, so an unreachable server fails each of them. */
function seededDatabase() {
  database ??= (async () => {
    const admin = await connectTestDatabase();
    const schema = throwawaySchemaName();
    await createDjangoSchema(admin, schema);
    await seedDjangoRows(admin, schema, PINNED, SEED);
    // the same tasks with processing_time as interval, numeric and text
    const variants = {
      interval: 'make_interval(secs => processing_time)',
      numeric: 'processing_time::numeric(12,6)',
    };
    for (const [name, expression] of Object.entries({ ...variants, text: 'processing_time::text' })) {
      await admin.query(`CREATE TABLE "${schema}".task_${name} AS
        SELECT id, created_at, success, ${expression} AS processing_time, category FROM "${schema}".core_task`);
    }
    return { admin, schema };
  })();
  return database;
}

after(async () => {
  const opened = await database?.catch(() => undefined);
  if (!opened) return;
  await dropSchema(opened.admin, opened.schema);
  await opened.admin.end();
});

async function optionsFor(overrides: Partial<DatabaseMetricsOptions> = {}): Promise<DatabaseMetricsOptions> {
  const { schema } = await seededDatabase();
  return {
    url: withPassword(TEST_DATABASE_URL, 'not-a-real-secret'),
    statementTimeoutMs: 5000,
    tables: {
      user: `${schema}.core_user`,
      task: `${schema}.core_task`,
      errorLog: `${schema}.core_errorlog`,
    },
    columns: { ...DEFAULT_COLUMNS },
    ...overrides,
  };
}

/** The same numbers by the plainest SQL, one subquery per metric; `at` is `$1::timestamptz` or `now()`. */
async function referenceMetrics(at: string, values: unknown[]): Promise<Record<string, number>> {
  const { admin, schema } = await seededDatabase();
  const [u, t, e] = ['core_user', 'core_task', 'core_errorlog'].map((table) => `"${schema}".${table}`);
  const hour = `${at} - interval '1 hour'`;
  const day = `${at} - interval '1 day'`;
  const { rows } = await admin.query<Record<string, number>>(
    `SELECT
      (SELECT count(*) FROM ${u} WHERE last_active >= ${hour})::int AS active_users_last_hour,
      (SELECT count(*) FROM ${t} WHERE created_at >= ${hour})::int AS tasks_last_hour,
      (SELECT count(*) FROM ${t} WHERE created_at >= ${hour} AND success IS TRUE)::int AS successful_tasks_last_hour,
      (SELECT count(*) FROM ${t} WHERE created_at >= ${hour} AND success IS FALSE)::int AS failed_tasks_last_hour,
      (SELECT count(*) FROM ${e} WHERE timestamp >= ${hour})::int AS errors_last_hour,
      (SELECT coalesce(avg(processing_time), 0) FROM ${t} WHERE created_at >= ${hour} AND success IS TRUE)
        AS avg_processing_time,
      (SELECT count(processing_time) FROM ${t} WHERE created_at >= ${hour} AND success IS TRUE)::int
        AS avg_processing_time_samples,
      (SELECT count(*) FROM ${u} WHERE last_active >= ${day})::int AS daily_active_users,
      (SELECT count(*) FROM ${t} WHERE created_at >= ${day})::float8 / 24 AS tasks_per_hour`,
    values,
  );
  return rows[0]!;
}

test('pinned now: every metric matches hand-counted numbers and a plain SQL reference', async () => {
  const result = await collectDatabaseMetrics(await optionsFor({ now: PINNED }));
  const expected = {
    active_users_last_hour: 2, // 5 min, exactly 1 h
    tasks_last_hour: 6, // 10..50 min and exactly 1 h
    successful_tasks_last_hour: 4, // 10, 20, 30 min (NULL time), 1 h
    failed_tasks_last_hour: 1, // 40 min; the pending one at 50 min counts as neither
    errors_last_hour: 2,
    avg_processing_time: 3, // (1.5 + 2.5 + 5) / 3, the NULL ignored
    avg_processing_time_samples: 3,
    daily_active_users: 5, // all but the one just over a day and the NULL
    tasks_per_hour: 11 / 24, // all but the one just over a day
  };
  assert.deepEqual(result.metrics, expected);
  assert.deepEqual(result.metrics, await referenceMetrics('$1::timestamptz', [PINNED.toISOString()]));
  assert.deepEqual(result.details, {
    user_tier_distribution: { free: 2, pro: 2, enterprise: 1, '(none)': 2 },
    top_task_categories: [
      { category: 'news', count: 3 },
      { category: 'weather', count: 3 },
      { category: 'jokes', count: 2 },
      { category: 'math', count: 2 },
      { category: '(none)', count: 1 },
    ],
  });
});

test('database now(): rows exactly on the pinned boundaries fall out, and the reference agrees', async () => {
  const result = await collectDatabaseMetrics(await optionsFor());
  assert.deepEqual(result.metrics, {
    active_users_last_hour: 1,
    tasks_last_hour: 5,
    successful_tasks_last_hour: 3,
    failed_tasks_last_hour: 1,
    errors_last_hour: 1,
    avg_processing_time: 2,
    avg_processing_time_samples: 2,
    daily_active_users: 4,
    tasks_per_hour: 10 / 24,
  });
  assert.deepEqual(result.metrics, await referenceMetrics('now()', []));
  assert.deepEqual(result.details.top_task_categories, [
    { category: 'news', count: 3 },
    { category: 'weather', count: 3 },
    { category: 'jokes', count: 2 },
    { category: 'math', count: 1 },
    { category: '(none)', count: 1 }, // NULL ranks after named categories on a tie
  ]);
});

test('an empty window reports avg_processing_time 0 with 0 samples, like the guide’s `or 0`', async () => {
  const result = await collectDatabaseMetrics(await optionsFor({ now: new Date('2100-01-01T00:00:00Z') }));
  assert.deepEqual(result.metrics, {
    active_users_last_hour: 0,
    tasks_last_hour: 0,
    successful_tasks_last_hour: 0,
    failed_tasks_last_hour: 0,
    errors_last_hour: 0,
    avg_processing_time: 0,
    avg_processing_time_samples: 0,
    daily_active_users: 0,
    tasks_per_hour: 0,
  });
  assert.deepEqual(result.details.top_task_categories, []);
  // the tier distribution covers all users, not a window
  assert.deepEqual(result.details.user_tier_distribution, { free: 2, pro: 2, enterprise: 1, '(none)': 2 });
});

test('topCategories keeps the top N by count, ties by name', async () => {
  const result = await collectDatabaseMetrics(await optionsFor({ now: PINNED, topCategories: 3 }));
  assert.deepEqual(result.details.top_task_categories, [
    { category: 'news', count: 3 },
    { category: 'weather', count: 3 },
    { category: 'jokes', count: 2 },
  ]);
});

for (const type of ['interval', 'numeric']) {
  test(`a processing_time of type ${type} averages to the same seconds`, async () => {
    const options = await optionsFor({ now: PINNED });
    options.tables.task = options.tables.task.replace('core_task', `task_${type}`);
    const result = await collectDatabaseMetrics(options);
    assert.equal(result.metrics.avg_processing_time, 3);
    assert.equal(result.metrics.avg_processing_time_samples, 3);
    assert.equal(result.metrics.tasks_last_hour, 6);
  });
}

test('a text processing_time is refused, naming the column and its type', async () => {
  const options = await optionsFor({ now: PINNED });
  options.tables.task = options.tables.task.replace('core_task', 'task_text');
  await assert.rejects(collectDatabaseMetrics(options), {
    name: 'DatabaseMetricsError',
    kind: 'column-type',
    message: `column ${options.tables.task}.processing_time has type text; expected seconds as a number or an interval`,
  });
});

test('defaults name the Django tables and columns', () => {
  assert.deepEqual(DEFAULT_TABLES, { user: 'core_user', task: 'core_task', errorLog: 'core_errorlog' });
  assert.equal(DEFAULT_COLUMNS.taskProcessingTime, 'processing_time');
});
