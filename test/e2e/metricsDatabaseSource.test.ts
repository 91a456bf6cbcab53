import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { startSlowProxy } from '../kit/slowProxy.js';
import { connectTestDatabase, TEST_DATABASE_URL } from '../kit/djangoSchema.js';
import { runSmsmon } from '../kit/runSmsmon.js';

/**
 * `metrics collect`'s database source against the real PostgreSQL: behind a real slow TCP proxy
 * (1 s per chunk, each way) database.timeout ends it, the system source's metrics still come, and
 * the process exits (no socket left to keep it alive); an sslmode alias costs one line of stderr.
 */
const dir = mkdtempSync(join(tmpdir(), 'smsmon-db-deadline-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('database.timeout 2s over a 1 s-per-chunk network: failed in one line, system metrics printed, done in time', async () => {
  await (await connectTestDatabase()).end(); // fails, never skips, when PostgreSQL is down
  const target = new URL(TEST_DATABASE_URL);
  const proxy = await startSlowProxy({ host: target.hostname, port: Number(target.port || 5432) }, 1000);
  try {
    const config = join(dir, 'smsmon.config.json');
    writeFileSync(config, JSON.stringify({ database: { timeout: '2s' } }));
    const url = new URL(TEST_DATABASE_URL);
    url.host = `127.0.0.1:${proxy.port}`;
    const started = performance.now();
    const { stdout, stderr, code } = await runSmsmon(
      ['metrics', 'collect', '--json', '--no-logs', '--db', url.href],
      { env: { SMSMON_CONFIG: config, DATABASE_URL: '' } },
    );
    const ms = performance.now() - started;
    assert.ok(ms < 2000 + 2500, `took ${Math.round(ms)} ms`);
    assert.equal(code, 3, stderr);
    assert.equal(
      stderr,
      `smsmon: database metrics failed: no result from PostgreSQL at 127.0.0.1:${proxy.port} within database.timeout 2 s (connect and every query); gave up\n`,
    );
    const snapshot = JSON.parse(stdout) as { metrics: Record<string, number> };
    assert.equal(typeof snapshot.metrics.cpu_percent, 'number');
  } finally {
    await proxy.close();
  }
});

test("sslmode=require against a server without TLS: one note and one failure line, not pg's ten-line warning", async () => {
  await (await connectTestDatabase()).end(); // fails, never skips, when PostgreSQL is down
  const url = new URL(TEST_DATABASE_URL);
  url.searchParams.set('sslmode', 'require');
  const config = join(dir, 'empty.json');
  writeFileSync(config, '{}');
  const { stdout, stderr, code } = await runSmsmon(
    ['metrics', 'collect', '--json', '--no-logs', '--no-system', '--db', url.href],
    { env: { SMSMON_CONFIG: config, DATABASE_URL: '' } },
  );
  assert.equal(code, 3, stderr);
  assert.equal(
    stderr,
    "smsmon: database: sslmode=require is verify-full in node-postgres 8 (certificate and host name checked); write sslmode=verify-full to keep that, or uselibpqcompat=true&sslmode=require for libpq's meaning\n" +
      `smsmon: database metrics failed: cannot connect to PostgreSQL at ${url.host}: The server does not support SSL connections\n`,
  );
  assert.deepEqual((JSON.parse(stdout) as { failures: unknown[] }).failures.length, 1);
});
