import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHealthServer, type HealthServer } from '../kit/healthServer.js';
import { webhookReceiver, type WebhookReceiver } from '../kit/webhookReceiver.js';
import { TEST_DATABASE_URL } from '../kit/djangoSchema.js';
import { runSmsmon } from '../kit/runSmsmon.js';

/**
 * `smsmon doctor` on a machine whose state is known: the real PostgreSQL and Redis, a real
 * health endpoint and Slack receiver started here, a logs directory written the way the guide's
 * RotatingFileHandler leaves it — then each of them taken away in turn.
 */
const root = mkdtempSync(join(tmpdir(), 'smsmon-doctor-'));
const logs = join(root, 'logs');
let health: HealthServer;
let slack: WebhookReceiver;
let config: string;
const MiB = 1024 * 1024;

before(async () => {
  mkdirSync(logs);
  for (const name of ['app.log', 'errors.log'])
    writeFileSync(join(logs, name), 'INFO 2024-01-20 00:00:00,000 views 1 2 up\n');
  // sms.log is written in the guide's json format (doctor's sms-events check reads it).
  writeFileSync(
    join(logs, 'sms.log'),
    '{"level": "INFO", "time": "2024-01-20 00:00:00,000", "module": "views", "message": "up"}\n',
  );
  writeFileSync(join(logs, 'app.log.1'), '');
  truncateSync(join(logs, 'app.log.1'), 15 * MiB - 100); // rotated near maxBytes (sparse: no disk used)
  health = await startHealthServer();
  slack = await webhookReceiver();
  config = join(root, 'smsmon.config.json');
  writeFileSync(
    config,
    JSON.stringify({
      logDir: logs,
      database: { url: TEST_DATABASE_URL },
      redis: { url: 'redis://127.0.0.1:6379' },
      health: { url: `${health.base}/healthy`, timeout: '2s' },
      alerts: { slack: { webhookUrl: slack.url } },
    }),
  );
});

after(async () => {
  await health.close();
  await slack.close();
  rmSync(root, { recursive: true, force: true });
});

interface Report {
  summary: { pass: number; warn: number; fail: number };
  checks: Array<{ name: string; status: string; detail: string; hint: string }>;
}

async function doctor(...args: string[]): Promise<{ code: number | null; report: Report; stderr: string }> {
  const run = await runSmsmon(['--config', config, 'doctor', '--json', '--timeout', '2s', ...args], {
    env: { SMSMON_NOW: new Date().toISOString() },
  });
  return { code: run.code, report: JSON.parse(run.stdout || '{}') as Report, stderr: run.stderr };
}

const statusOf = (report: Report, name: string) => report.checks.find((c) => c.name === name)?.status;

test('everything up: every check passes, the test alert reaches Slack, exit 0', async () => {
  const { code, report, stderr } = await doctor('--send-test');
  const notPassed = report.checks.filter((c) => c.status !== 'pass');
  assert.deepEqual(notPassed, [], stderr);
  assert.equal(code, 0);
  for (const name of [
    'logs-dir',
    'written:app',
    'rotation:app',
    'disk',
    'health',
    'redis',
    'postgresql',
    'thresholds',
    'channel:slack',
  ])
    assert.equal(statusOf(report, name), 'pass', name);
  assert.equal(slack.received.length, 1);
  assert.match(slack.received[0]!.body, /test/i);
});

test('disk space reads in the largest fitting unit, not thousands of MiB', async () => {
  const { report } = await doctor();
  const disk = report.checks.find((c) => c.name === 'disk')!.detail;
  // The test machine's file system is gigabytes; the families need 390.0 MiB.
  assert.match(
    disk,
    /^\d{1,4}\.\d (GiB|TiB) free of \d{1,4}\.\d (GiB|TiB) \(the families need up to 390\.0 MiB\)$/,
  );
});

for (const [what, args, check] of [
  ['Redis down', ['--redis', 'redis://127.0.0.1:1'], 'redis'],
  ['PostgreSQL down', ['--db', 'postgres://postgres@127.0.0.1:1/test'], 'postgresql'],
  ['the app down', ['--health-url', 'http://127.0.0.1:1/health'], 'health'],
  ['the app unhealthy', ['--health-url', 'UNHEALTHY'], 'health'],
  ['no logs directory', ['--dir', '/nonexistent/logs'], 'logs-dir'],
] as const) {
  test(`${what}: that check fails with a hint, the others still pass, exit 2`, async () => {
    const resolved = args.map((a) => (a === 'UNHEALTHY' ? `${health.base}/unhealthy` : a));
    const { code, report } = await doctor(...resolved);
    assert.equal(code, 2);
    const failed = report.checks.find((c) => c.name === check)!;
    assert.equal(failed.status, 'fail', JSON.stringify(failed));
    assert.ok(failed.hint.length > 0);
    const others = ['redis', 'postgresql', 'health', 'thresholds'].filter((name) => name !== check);
    for (const name of others) assert.equal(statusOf(report, name), 'pass', `${name} with ${what}`);
  });
}

test('a family not written for two hours is a warning (exit 1); a live file past maxBytes fails rotation', async () => {
  const old = Date.now() / 1000 - 7200;
  utimesSync(join(logs, 'sms.log'), old, old);
  let run = await doctor();
  assert.equal(statusOf(run.report, 'written:sms'), 'warn');
  assert.equal(run.code, 1);
  truncateSync(join(logs, 'app.log'), 20 * MiB);
  run = await doctor();
  assert.equal(statusOf(run.report, 'rotation:app'), 'fail');
  assert.match(run.report.checks.find((c) => c.name === 'rotation:app')!.hint, /RotatingFileHandler/);
  assert.equal(run.code, 2);
  truncateSync(join(logs, 'app.log'), 100);
  utimesSync(join(logs, 'sms.log'), new Date(), new Date());
});

test('the text report: PASS/WARN/FAIL lines and a summary', async () => {
  const run = await runSmsmon(['--config', config, 'doctor', '--redis', 'redis://127.0.0.1:1'], {
    env: { SMSMON_NOW: new Date().toISOString() },
  });
  assert.equal(run.code, 2);
  assert.match(run.stdout, /^PASS {2}logs-dir/m);
  assert.match(run.stdout, /^FAIL {2}redis +.*\n +→ start Redis/m);
  assert.match(run.stdout, /\d+ passed, \d+ warning\(s\), 1 failed\n$/);
});
