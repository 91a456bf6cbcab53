import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type pg from 'pg';
import { startSlowProxy } from '../../../test/kit/slowProxy.js';
import { collectDatabaseMetrics, DEFAULT_COLUMNS } from './databaseMetrics.js';
import {
  connectTestDatabase,
  createDjangoSchema,
  dropSchema,
  TEST_DATABASE_URL,
  throwawaySchemaName,
} from '../../../test/kit/djangoSchema.js';

/**
 * database.timeout against the real PostgreSQL behind a real slow TCP proxy (every chunk held
 * back, both ways): each statement ends well within statement_timeout, yet the round trips add up.
 */
let admin: pg.Client;
const schema = throwawaySchemaName();
const target = new URL(TEST_DATABASE_URL);

before(async () => {
  admin = await connectTestDatabase(); // fails, never skips, when PostgreSQL is down
  await createDjangoSchema(admin, schema);
});

after(async () => {
  await dropSchema(admin, schema);
  await admin.end();
});

function options(port: number, timeoutMs: number) {
  const url = new URL(TEST_DATABASE_URL);
  url.host = `127.0.0.1:${port}`;
  return {
    url: url.href,
    statementTimeoutMs: 5000,
    timeoutMs,
    tables: { user: `${schema}.core_user`, task: `${schema}.core_task`, errorLog: `${schema}.core_errorlog` },
    columns: { ...DEFAULT_COLUMNS },
  };
}

async function slowProxy(delayMs: number) {
  return startSlowProxy({ host: target.hostname, port: Number(target.port || 5432) }, delayMs);
}

test('300 ms per chunk: the collection gives up at timeoutMs, names it, and leaves no connection open', async () => {
  const proxy = await slowProxy(300);
  try {
    const started = performance.now();
    const error = await collectDatabaseMetrics(options(proxy.port, 1500)).then(
      () => assert.fail('the collection should have run out of time'),
      (e: unknown) => e as Error & { kind?: string },
    );
    const ms = performance.now() - started;
    assert.equal(
      error.message,
      `no result from PostgreSQL at 127.0.0.1:${proxy.port} within database.timeout 1.5 s (connect and every query); gave up`,
    );
    assert.equal(error.kind, 'timeout');
    assert.ok(ms >= 1490 && ms < 2500, `took ${Math.round(ms)} ms`);
    const until = performance.now() + 1000;
    while (proxy.open() > 0 && performance.now() < until) await new Promise((r) => setTimeout(r, 20));
    assert.equal(proxy.open(), 0, 'the client connection was closed');
  } finally {
    await proxy.close();
  }
});

test('the same slow network with time enough: the metrics come', async () => {
  const proxy = await slowProxy(50);
  try {
    const { metrics } = await collectDatabaseMetrics(options(proxy.port, 30_000));
    assert.equal(metrics.tasks_last_hour, 0);
  } finally {
    await proxy.close();
  }
});
