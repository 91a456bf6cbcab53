import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { healthBed } from '../kit/healthBed.js';
import { GUIDE_BODY } from '../kit/healthServer.js';
import { runSmsmon } from '../kit/runSmsmon.js';

/**
 * One duration grammar end to end: `--since 1h30m`, `--since yesterday` (midnight in the logs'
 * zone), `health --timeout 10` (plain seconds, as check_http -t 10) and a config file's
 * `health.timeout: "10"`, against the built binary and a real HTTP server on 127.0.0.1.
 */
const root = mkdtempSync(join(tmpdir(), 'smsmon-durations-e2e-'));
after(() => rmSync(root, { recursive: true, force: true }));

const bed = healthBed();

// runSmsmon pins now to 2024-01-20T12:30:00Z: 17:30 on the 20th in the logs' zone, +05:00.
const LOGS_ZONE = '+05:00';
const RECORDS: Array<[asctime: string, message: string]> = [
  ['2024-01-18 23:59:59,000', 'before yesterday'],
  ['2024-01-19 00:00:00,000', 'yesterday at midnight'],
  ['2024-01-20 00:30:00,000', 'today after midnight'],
  ['2024-01-20 15:59:00,000', '91 minutes ago'],
  ['2024-01-20 16:01:00,000', '89 minutes ago'],
];
writeFileSync(
  join(root, 'app.log'),
  RECORDS.map(([time, message]) => `INFO ${time} views 4242 1401 ${message}\n`).join(''),
);

async function messagesSince(...window: string[]): Promise<string[]> {
  const run = await runSmsmon(
    ['logs', 'search', '--dir', root, '--tz', LOGS_ZONE, '--fields', 'message', ...window],
    { env: { SMSMON_CONFIG: '', SMSMON_LOG_DIR: '', SMSMON_TZ: '' } },
  );
  assert.equal(run.code, 0, run.stderr);
  return run.stdout.split('\n').filter(Boolean);
}

test('--since 1h30m and "1h 30m": the last ninety minutes', async () => {
  assert.deepEqual(await messagesSince('--since', '1h30m'), ['89 minutes ago']);
  assert.deepEqual(await messagesSince('--since', '1h 30m'), ['89 minutes ago']);
  assert.deepEqual(await messagesSince('--since', '5400'), ['89 minutes ago']);
});

test("--since yesterday, --until today: midnights in the logs' zone (--tz), not UTC's", async () => {
  assert.deepEqual(await messagesSince('--since', 'yesterday'), [
    'yesterday at midnight',
    'today after midnight',
    '91 minutes ago',
    '89 minutes ago',
  ]);
  assert.deepEqual(await messagesSince('--since', 'yesterday', '--until', 'today'), [
    'yesterday at midnight',
  ]);
  assert.deepEqual(await messagesSince('--since', 'today', '--until', '2h'), ['today after midnight']);
});

test('a bad --since names the valid forms and exits 2', async () => {
  const run = await runSmsmon(['logs', 'search', '--dir', root, '--since', '1x']);
  assert.equal(run.code, 2);
  assert.equal(
    run.stderr,
    'smsmon: bad --since "1x"; expected a duration like 90s, 15m, 1h30m, 2d or a time like 2024-01-21T10:00 or today/yesterday\n',
  );
});

test('health --timeout 10 is ten seconds: accepted; --timeout 1 times out after 1 s', async () => {
  const ok = await bed.health([`${bed.server.base}/healthy`, '--timeout', '10']);
  assert.equal(ok.stdout.split(' | ')[0], 'HEALTH OK - healthy (4 services)', ok.stderr);
  assert.equal(ok.code, 0);
  const slow = await bed.health([`${bed.server.base}/slow-headers`, '--timeout', '1', '--json']);
  assert.equal(slow.code, 2, slow.stderr);
  const doc = JSON.parse(slow.stdout) as { reason: string; elapsed_ms: number };
  assert.equal(doc.reason, 'timeout after 1 s');
  assert.ok(doc.elapsed_ms >= 1000, `the check took ${doc.elapsed_ms} ms`);
});

test('a config file with health.timeout "10" (plain seconds) is valid and means seconds', async () => {
  const config = (timeout: string): string => {
    const path = join(root, `timeout-${timeout}.json`);
    writeFileSync(path, JSON.stringify({ health: { timeout } }));
    return path;
  };
  const ok = await bed.health([`${bed.server.base}/healthy`], { SMSMON_CONFIG: config('10') });
  assert.equal(ok.stdout.split(' | ')[0], 'HEALTH OK - healthy (4 services)', ok.stderr);
  assert.equal(ok.code, 0);
  const slow = await bed.health([`${bed.server.base}/slow-headers`, '--json'], {
    SMSMON_CONFIG: config('1'),
  });
  assert.equal((JSON.parse(slow.stdout) as { reason: string }).reason, 'timeout after 1 s', slow.stderr);
  const schema = await runSmsmon(['config', 'schema']);
  const pattern = (
    JSON.parse(schema.stdout) as { properties: { health: { properties: { timeout: { pattern: string } } } } }
  ).properties.health.properties.timeout.pattern;
  const regex = new RegExp(pattern, 'u');
  for (const text of ['10', '0.5', '500ms', '1h30m']) assert.ok(regex.test(text), text);
  for (const text of ['0', '1x', '10 seconds']) assert.ok(!regex.test(text), text);
});

test('health --timeout 30d, past what a timer can wait, still waits for a slow answer', async () => {
  // Node fires a timer longer than 2^31 − 1 ms after 1 ms: the timeout would end every check at once.
  const server = createServer((_, res) => {
    setTimeout(() => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(GUIDE_BODY));
    }, 300);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/health`;
    const run = await bed.health([url, '--timeout', '30d']);
    assert.equal(run.stdout.split(' | ')[0], 'HEALTH OK - healthy (4 services)', run.stderr);
    assert.equal(run.code, 0);
    assert.equal(run.stderr, '');
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});
