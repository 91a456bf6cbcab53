import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server, type Socket } from 'node:net';
import type pg from 'pg';
import { collectDatabaseMetrics, DEFAULT_COLUMNS, type DatabaseMetricsOptions } from './databaseMetrics.js';
import {
  connectTestDatabase,
  createDjangoSchema,
  dropSchema,
  TEST_DATABASE_URL,
  throwawaySchemaName,
  withPassword,
} from '../../../test/kit/djangoSchema.js';

const SECRET = 'hunter2-s3cret';

let database: Promise<{ admin: pg.Client; schema: string }> | undefined;

function testDatabase() {
  database ??= (async () => {
    const admin = await connectTestDatabase();
    const schema = throwawaySchemaName();
    await createDjangoSchema(admin, schema);
    const s = `"${schema}"`;
    // uncorrelated, so it runs once per statement: deterministic 5 s, far above the 200 ms timeout
    await admin.query(`CREATE VIEW ${s}.slow_errorlog AS
      SELECT * FROM ${s}.core_errorlog WHERE (SELECT true FROM pg_sleep(5))`);
    await admin.query(`CREATE FUNCTION ${s}.write_something() RETURNS boolean LANGUAGE sql VOLATILE
      AS 'INSERT INTO ${s}.core_errorlog (timestamp) VALUES (now()) RETURNING true'`);
    // FROM-less, so the function runs even though core_errorlog is empty
    await admin.query(`CREATE VIEW ${s}.writing_errorlog AS
      SELECT now() AS timestamp FROM (SELECT ${s}.write_something() AS wrote) AS attempt`);
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

function options(url: string, schema = 'public', overrides: Partial<DatabaseMetricsOptions> = {}) {
  return {
    url,
    statementTimeoutMs: 2000,
    tables: { user: `${schema}.core_user`, task: `${schema}.core_task`, errorLog: `${schema}.core_errorlog` },
    columns: { ...DEFAULT_COLUMNS },
    ...overrides,
  };
}

async function seededOptions(overrides: Partial<DatabaseMetricsOptions> = {}) {
  const { schema } = await testDatabase();
  return options(withPassword(TEST_DATABASE_URL, SECRET), schema, overrides);
}

/** Runs a collection expected to fail; returns the error and how long it took. */
async function failure(
  run: DatabaseMetricsOptions,
): Promise<{ error: Error & { kind?: string }; ms: number }> {
  const started = performance.now();
  const error = await collectDatabaseMetrics(run).then(
    () => assert.fail('collection should have failed'),
    (e: unknown) => e as Error & { kind?: string },
  );
  assert.equal(error.name, 'DatabaseMetricsError');
  assert.doesNotMatch(error.message, /[\r\n]/, 'one line');
  assert.ok(!error.message.includes(SECRET), `password leaked: ${error.message}`);
  return { error, ms: performance.now() - started };
}

/** A TCP server that accepts and never answers, counting connections. */
async function silentServer(): Promise<{ server: Server; port: number; connections: () => number }> {
  const sockets: Socket[] = [];
  const server = createServer((socket) => sockets.push(socket));
  server.on('close', () => sockets.forEach((s) => s.destroy()));
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const address = server.address();
  assert.ok(address && typeof address === 'object');
  return { server, port: address.port, connections: () => sockets.length };
}

test('connection refused: one line naming host and port, no password, well within the timeout', async () => {
  const { error, ms } = await failure(options(`postgres://smsmon:${SECRET}@127.0.0.1:1/test`));
  assert.equal(error.message, 'cannot connect to PostgreSQL at 127.0.0.1:1: connection refused');
  assert.equal(error.kind, 'connect');
  assert.ok(ms < 2000, `took ${ms} ms`);
});

test('a server that never answers fails after the connect timeout', async () => {
  const silent = await silentServer();
  try {
    const url = `postgres://smsmon:${SECRET}@127.0.0.1:${silent.port}/test`;
    const { error, ms } = await failure(options(url, 'public', { statementTimeoutMs: 300 }));
    assert.equal(
      error.message,
      `cannot connect to PostgreSQL at 127.0.0.1:${silent.port}: no answer within 300 ms`,
    );
    assert.ok(ms >= 290 && ms < 2000, `took ${ms} ms`);
  } finally {
    silent.server.close();
  }
});

test('invalid identifiers and options are rejected before connecting', async () => {
  const silent = await silentServer();
  try {
    const url = `postgres://smsmon:${SECRET}@127.0.0.1:${silent.port}/test`;
    const base = options(url);
    const cases: [Partial<DatabaseMetricsOptions>, RegExp][] = [
      [
        { tables: { ...base.tables, user: 'core user' } },
        /^invalid tables\.user name "core user": expected letters/,
      ],
      [
        { tables: { ...base.tables, task: 'a.b.c' } },
        /^invalid tables\.task name "a\.b\.c": at most one dot/,
      ],
      [{ tables: { ...base.tables, errorLog: 'x"; DROP TABLE y; --' } }, /^invalid tables\.errorLog name/],
      [{ tables: { ...base.tables, task: '1task' } }, /^invalid tables\.task name "1task"/],
      [
        { columns: { ...base.columns, taskSuccess: 'core_task.success' } },
        /^invalid columns\.taskSuccess name/,
      ],
      [{ columns: { ...base.columns, userTier: 'x'.repeat(64) } }, /longer than 63 characters/],
      [{ statementTimeoutMs: 0 }, /^statementTimeoutMs must be an integer >= 1, got 0$/],
      [{ topCategories: 2.5 }, /^topCategories must be an integer >= 0/],
      [{ url: 'localhost:5432' }, /^invalid PostgreSQL URL: expected postgres:\/\//],
    ];
    for (const [overrides, message] of cases) {
      const { error } = await failure({ ...base, ...overrides });
      assert.match(error.message, message);
      assert.equal(error.kind, 'options');
      assert.equal((error as Error & { exitCode?: number }).exitCode, 2);
    }
    assert.equal(silent.connections(), 0);
  } finally {
    silent.server.close();
  }
});

test('a missing table is named, with the server’s words', async () => {
  const run = await seededOptions();
  run.tables.task = run.tables.task.replace('core_task', 'no_such_task');
  const { error } = await failure(run);
  assert.equal(
    error.message,
    `table ${run.tables.task} does not exist (relation "${run.tables.task}" does not exist)`,
  );
  assert.equal(error.kind, 'missing-table');
});

test('a missing column names its table', async () => {
  const run = await seededOptions();
  run.columns.userLastActive = 'last_login';
  const { error } = await failure(run);
  assert.equal(
    error.message,
    `table ${run.tables.user} lacks a configured column (column "last_login" does not exist)`,
  );
  assert.equal(error.kind, 'missing-column');
});

test('statement timeout: a 5 s query is cancelled after statementTimeoutMs', async () => {
  const run = await seededOptions({ statementTimeoutMs: 200 });
  run.tables.errorLog = run.tables.errorLog.replace('core_errorlog', 'slow_errorlog');
  const { error, ms } = await failure(run);
  assert.equal(error.message, `statement timeout after 200 ms while querying ${run.tables.errorLog}`);
  assert.equal(error.kind, 'timeout');
  assert.ok(ms < 3000, `took ${ms} ms`);
});

test('the transaction is read-only: a view that writes is refused', async () => {
  const run = await seededOptions();
  run.tables.errorLog = run.tables.errorLog.replace('core_errorlog', 'writing_errorlog');
  const { error } = await failure(run);
  assert.match(
    error.message,
    /^query on table \S+ failed: cannot execute INSERT in a read-only transaction$/,
  );
  const { admin, schema } = await testDatabase();
  const { rows } = await admin.query(`SELECT count(*)::int AS n FROM "${schema}".core_errorlog`);
  assert.equal(rows[0].n, 0);
});

test('no connection is left open after a failed query', async () => {
  const run = await seededOptions();
  run.tables.task = run.tables.task.replace('core_task', 'no_such_task');
  await failure(run);
  const { admin, schema } = await testDatabase();
  // the backend exits shortly after the client's Terminate message; poll briefly for it
  const deadline = Date.now() + 3000;
  let open = -1;
  while (Date.now() < deadline) {
    const { rows } = await admin.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'smsmon' AND query LIKE $1`,
      [`%${schema}%`],
    );
    open = rows[0].n as number;
    if (open === 0) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.equal(open, 0);
});
