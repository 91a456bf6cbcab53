import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scratchRedis, type ScratchRedis } from '../kit/redisScratch.js';
import { REPO, runSmsmon } from '../kit/runSmsmon.js';

/**
 * alerts check end to end: the bundled sample logs (written 2024-01-20 00:00–00:04 UTC) give an
 * error_rate of 5.61 % for the hour before 00:30, over the guide's warning of 5; a throwaway Redis
 * prefix; the clock pinned and moved forward with SMSMON_NOW.
 */
const NOW = '2024-01-20T00:30:00Z';
const dir = mkdtempSync(join(tmpdir(), 'smsmon-alerts-'));
/** Variables of the machine running the tests must not leak in (empty counts as unset). */
const CLEAN_ENV = {
  SMSMON_CONFIG: '',
  DATABASE_URL: '',
  REDIS_URL: '',
  SMSMON_SLACK_WEBHOOK_URL: '',
  SMSMON_SMTP_PASSWORD: '',
};
let scratch: ScratchRedis;

before(async () => {
  scratch = await scratchRedis();
});
after(async () => {
  await scratch.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

let configs = 0;
function configFile(extra: Record<string, unknown> = {}): string {
  const path = join(dir, `config-${++configs}.json`);
  const config = {
    logDir: join(REPO, 'fixtures/logs'),
    redis: { url: 'redis://127.0.0.1:6379', prefix: `${scratch.prefix}-${configs}` },
    ...extra,
  };
  writeFileSync(path, JSON.stringify(config));
  return path;
}

const FRESH = ['--no-system', '--no-database'];
/** Health has its own test below; elsewhere it is left out (nothing answers on health.url here). */
const check = (config: string, args: string[], now = NOW) =>
  runSmsmon(['--config', config, 'alerts', 'check', '--host', 'web-1', '--no-health', ...args], {
    env: { ...CLEAN_ENV, SMSMON_NOW: now },
  });

interface CheckJson {
  host: string;
  from: string;
  alerts: Array<{
    key: string;
    metric: string;
    value: number;
    threshold: number;
    severity: string;
    message: string;
  }>;
  notMeasured: string[];
  checked: number;
  health: unknown;
  problems: string[];
  notified: unknown;
}

test("the guide's default error_rate warning fires on the sample logs: exit 1, the table, not-measured", async () => {
  const { stdout, stderr, code } = await check(configFile(), FRESH);
  assert.equal(code, 1, stderr);
  assert.equal(stderr, '');
  assert.match(
    stdout,
    /^web-1, collected at 2024-01-20T00:30:00Z: 1 alert\(s\) firing \(1 threshold\(s\) checked\)\n/,
  );
  assert.match(stdout, /│ metric +│ value │ threshold │ severity │/);
  assert.match(stdout, /│ error_rate │ 5\.6 % │ +≥ 5 % │ warning +│/);
  // --no-system and --no-database: their default thresholds had nothing to compare with.
  assert.match(
    stdout,
    /\nnot measured \(a threshold, but no value\): avg_processing_time, cpu_percent, failed_tasks_last_hour, memory_percent\n$/,
  );
});

test('--json: the alerts with value and threshold, a critical band from the config, notMeasured', async () => {
  const config = configFile({
    alerts: { thresholds: { error_rate: { warning: 2, critical: 5.5 }, cpu_percent: {} } },
  });
  const { stdout, stderr, code } = await check(config, [...FRESH, '--json']);
  assert.equal(code, 1, stderr);
  const doc = JSON.parse(stdout) as CheckJson;
  assert.deepEqual(doc.alerts, [
    {
      key: 'error_rate',
      metric: 'error_rate',
      value: 5.61,
      threshold: 5.5,
      severity: 'critical',
      message: 'error_rate 5.6 % ≥ critical 5.5 %',
    },
  ]);
  // cpu_percent: {} turned the default off, so it is not even "not measured".
  assert.deepEqual(doc.notMeasured, ['avg_processing_time', 'failed_tasks_last_hour', 'memory_percent']);
  assert.deepEqual(
    [doc.host, doc.from, doc.checked, doc.health, doc.problems, doc.notified],
    ['web-1', 'collect', 1, null, [], null],
  );
});

test('below every threshold: exit 0; -q prints nothing on stdout but names what was not measured', async () => {
  const config = configFile({ alerts: { thresholds: { error_rate: { warning: 5.62 } } } });
  const calm = await check(config, FRESH);
  assert.equal(calm.code, 0, calm.stderr);
  assert.match(calm.stdout, /: nothing firing \(1 threshold\(s\) checked\)\n/);
  assert.doesNotMatch(calm.stdout, /┌/);
  const quiet = await check(config, [...FRESH, '-q']);
  assert.deepEqual([quiet.code, quiet.stdout], [0, '']);
  assert.match(quiet.stderr, /^smsmon: not measured \(a threshold, but no value\): avg_processing_time, /);
});

test('--from-redis: the stored snapshot of the host; a stale one or none is incomplete (exit 3)', async () => {
  const config = configFile();
  const snapshot = await runSmsmon(
    ['--config', config, 'metrics', 'snapshot', ...FRESH, '--host', 'web-1', '-q'],
    {
      env: { ...CLEAN_ENV, SMSMON_NOW: NOW },
    },
  );
  assert.equal(snapshot.code, 0, snapshot.stderr);
  const stored = await check(config, ['--from-redis', '--json'], '2024-01-20T00:40:00Z');
  assert.equal(stored.code, 1, stored.stderr);
  const doc = JSON.parse(stored.stdout) as CheckJson & { snapshotTime: string };
  assert.deepEqual(
    [doc.from, doc.snapshotTime, doc.alerts[0]!.value],
    ['redis', '2024-01-20T00:30:00.000Z', 5.61],
  );

  const stale = await check(config, ['--from-redis'], '2024-01-20T01:00:00Z');
  assert.equal(stale.code, 3, 'a firing alert, but from a 30-minute-old snapshot');
  assert.match(stale.stdout, /error_rate/);
  assert.match(stale.stderr, /^smsmon: the stored snapshot is 30m00s old \(--max-age 15m\)\n$/);
  assert.equal((await check(config, ['--from-redis', '--max-age', '1h'], '2024-01-20T01:00:00Z')).code, 1);

  const none = await check(config, ['--from-redis', '--host', 'web-9']);
  assert.equal(none.code, 3);
  assert.match(none.stderr, /no snapshot of host web-9 in Redis/);
  const down = await check(config, ['--from-redis', '--redis', 'redis://:pw-secret@127.0.0.1:1']);
  assert.equal(down.code, 3);
  assert.match(down.stderr, /^smsmon: Redis at 127\.0\.0\.1:1 not reachable/);
  assert.ok(!down.stderr.includes('pw-secret'));
});

test('usage errors: exit 2 with one line', async () => {
  const config = configFile();
  const cases: Array<[string[], RegExp]> = [
    [['--from-redis', '--no-system'], /--no-system only applies to a fresh collection/],
    [['--max-age', '1h'], /--max-age only applies with --from-redis/],
    [['--repeat', 'soon'], /bad --repeat "soon"/],
    [
      [...FRESH, '--notify'],
      /--notify: no channel configured \(set alerts\.slack\.webhookUrl or alerts\.email\)/,
    ],
  ];
  for (const [args, message] of cases) {
    const { code, stderr } = await check(config, args);
    assert.equal(code, 2, args.join(' '));
    assert.match(stderr, message);
    assert.equal(stderr.trim().split('\n').length, 1, stderr);
  }
});

/** A Slack webhook on 127.0.0.1 that records every POST body. */
async function webhook(): Promise<{ url: string; bodies: string[]; server: Server }> {
  const bodies: string[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      bodies.push(body);
      response.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/services/T0/B0/x`, bodies, server };
}

test('--notify: Slack and email once per --repeat while it fires, one resolved message when it clears', async () => {
  const { selfSignedCertificate, smtpReceiver } = await import('../kit/smtpReceiver.js');
  const hook = await webhook();
  const smtp = await smtpReceiver({ users: { monitor: 'pw-for-tests' } });
  const caFile = (await selfSignedCertificate()).certPath;
  try {
    const config = configFile({
      alerts: {
        slack: { webhookUrl: hook.url },
        email: {
          host: '127.0.0.1',
          port: smtp.port,
          user: 'monitor',
          password: 'pw-for-tests',
          from: 'smsmon@example.com',
          to: ['ops@example.com'],
        },
      },
    });
    const sent = async (time: string, code: number): Promise<{ slack: string[]; mails: number }> => {
      const [slackBefore, mailsBefore] = [hook.bodies.length, smtp.mails.length];
      const result = await runSmsmon(
        [
          '--config',
          config,
          'alerts',
          'check',
          '--host',
          'web-1',
          '--no-health',
          ...FRESH,
          '--notify',
          '--repeat',
          '10m',
        ],
        { env: { ...CLEAN_ENV, SMSMON_NOW: `2024-01-20T${time}:00Z`, NODE_EXTRA_CA_CERTS: caFile } },
      );
      assert.equal(result.code, code, `${time}: ${result.stderr}`);
      return { slack: hook.bodies.slice(slackBefore), mails: smtp.mails.length - mailsBefore };
    };
    const first = await sent('00:30', 1);
    assert.equal(first.slack.length, 1);
    assert.equal(first.mails, 1);
    assert.match(first.slack[0]!, /error_rate/);
    assert.deepEqual(await sent('00:35', 1), { slack: [], mails: 0 }, 'still firing, within --repeat');
    const again = await sent('00:40', 1);
    assert.deepEqual([again.slack.length, again.mails], [1, 1], 'due again after 10 minutes');
    assert.deepEqual(await sent('00:45', 1), { slack: [], mails: 0 });
    // From 01:05 the hour before holds no record of the sample logs: error_rate 0, cleared.
    const resolved = await sent('01:30', 0);
    assert.deepEqual([resolved.slack.length, resolved.mails], [1, 1]);
    assert.match(resolved.slack[0]!, /resolved/i);
    assert.match(resolved.slack[0]!, /error_rate/);
    assert.match(smtp.mails.at(-1)!.headers.subject ?? '', /resolved/i);
    assert.ok(
      smtp.mails.every((mail) => mail.secure),
      'every mail over STARTTLS',
    );
    assert.deepEqual(await sent('01:35', 0), { slack: [], mails: 0 }, 'resolved once');
  } finally {
    hook.server.close();
    await smtp.close();
  }
});

test('the health check is evaluated: an unhealthy app is a critical alert, a degraded service a warning', async () => {
  const { startHealthServer } = await import('../kit/healthServer.js');
  const server = await startHealthServer();
  try {
    for (const [route, key, severity] of [
      ['unhealthy', 'health', 'critical'],
      ['degraded', 'health', 'warning'],
    ] as const) {
      const config = configFile({ health: { url: `${server.base}/${route}`, timeout: '2s' } });
      const run = await runSmsmon(
        ['--config', config, 'alerts', 'check', '--host', 'web-1', '--json', ...FRESH],
        {
          env: { ...CLEAN_ENV, SMSMON_NOW: NOW },
        },
      );
      assert.equal(run.code, 1, run.stderr);
      const doc = JSON.parse(run.stdout) as CheckJson;
      const alert = doc.alerts.find((a) => a.key === key);
      assert.equal(alert?.severity, severity, `${route}: ${run.stdout}`);
    }
  } finally {
    await server.close();
  }
});
