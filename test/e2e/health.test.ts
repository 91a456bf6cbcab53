import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { hostname } from 'node:os';
import { test } from 'node:test';
import { redisLayout } from '../../src/redis/redisLayout.js';
import { closedPort } from '../kit/healthServer.js';
import { healthBed } from '../kit/healthBed.js';
import { BIN, REPO, runSmsmon, type RunResult } from '../kit/runSmsmon.js';

/**
 * `smsmon health` end to end: the built binary against a real HTTP server on 127.0.0.1 serving
 * every case (test/kit/healthServer.ts), and --record against the real Redis on 127.0.0.1:6379
 * under a throwaway prefix. Each case checks the exit code and the Nagios line.
 */
const bed = healthBed();
const { health, env: ENV } = bed;

/** The Nagios line without its performance data (health-nagios.test.ts checks that). */
const firstLine = (text: string) => text.split('\n', 1)[0]!.replace(/ \| .*$/, '');

const CASES: Array<[path: string, code: number, line: string, extra?: string[]]> = [
  ['/healthy', 0, 'HEALTH OK - healthy (4 services)'],
  ['/degraded', 1, 'HEALTH WARNING - degraded; services.redis: degraded'],
  ['/service-unhealthy', 1, 'HEALTH WARNING - services.twilio: unhealthy'],
  ['/slow-service', 1, 'HEALTH WARNING - services.database slower than 1000 ms'],
  ['/unhealthy-200', 2, 'HEALTH CRITICAL - unhealthy; services.database: unhealthy'],
  [
    '/unhealthy',
    2,
    'HEALTH CRITICAL - HTTP 503 Service Unavailable: unhealthy; services.database: unhealthy',
  ],
  ['/bad-gateway', 2, 'HEALTH CRITICAL - HTTP 502 Bad Gateway'],
  ['/not-found', 2, 'HEALTH CRITICAL - HTTP 404 Not Found'],
  ['/truncated', 3, 'HEALTH UNKNOWN - not JSON: a string that never ends at line 1 column 61'],
  ['/no-services', 3, 'HEALTH UNKNOWN - wrong schema: services: missing'],
  ['/unknown-status', 3, 'HEALTH UNKNOWN - unknown status "maintenance"'],
  ['/redirect', 0, 'HEALTH OK - healthy (4 services)'],
  ['/hop/3', 0, 'HEALTH OK - healthy (4 services)'],
  ['/loop/e2e', 3, 'HEALTH UNKNOWN - more than 3 redirects'],
  ['/no-location', 3, 'HEALTH UNKNOWN - HTTP 302 without Location'],
  ['/html', 3, 'HEALTH UNKNOWN - unexpected content type "text/html" (expected application/json)'],
  ['/text-json', 3, 'HEALTH UNKNOWN - unexpected content type "text/plain" (expected application/json)'],
  ['/huge', 3, 'HEALTH UNKNOWN - body over 1 MiB'],
  ['/cut-off', 2, 'HEALTH CRITICAL - connection closed before the body ended'],
  ['/extra-service', 0, 'HEALTH OK - healthy (5 services)', ['celery', 'queue_length=3 workers=2']],
];

for (const [path, code, line, extra = []] of CASES) {
  test(`health ${path}: exit ${code}, "${line}"`, async () => {
    const { stdout, stderr, code: exit } = await health([`${bed.server.base}${path}`]);
    assert.equal(firstLine(stdout), line, stderr);
    assert.equal(exit, code);
    for (const text of extra) assert.ok(stdout.includes(text), `${text} in\n${stdout}`);
  });
}

test('the report: version, uptime in human units, a row per service with its own fields', async () => {
  const { stdout } = await health([`${bed.server.base}/healthy`]);
  const [, summary, ...table] = stdout.split('\n');
  assert.match(
    summary!,
    /^http:\/\/127\.0\.0\.1:\d+\/healthy · HTTP 200 in [\d.]+m?s · status healthy · version 1\.0\.0 · uptime 1d00h$/,
  );
  const rows = table.join('\n');
  assert.match(rows, /│ database +│ healthy +│ +23\.0ms │ +│/);
  assert.match(rows, /│ openai +│ healthy +│ +- │ rate_limit_remaining=4500 │/);
  assert.match(rows, /│ twilio +│ healthy +│ +- │ account_balance=\$45\.67 +│/);
  const slow = await health([`${bed.server.base}/slow-service`]);
  assert.match(slow.stdout, /│ database +│ healthy +│ +2\.50s SLOW │/);
  const limit = await health([`${bed.server.base}/slow-service`, '--warn-ms', '3000']);
  assert.equal(firstLine(limit.stdout), 'HEALTH OK - healthy (4 services)');
  assert.equal(limit.code, 0);
});

/** Wall time of a run that waits for nothing: starting Node and the CLI (slow on a loaded machine). */
async function startupMs(): Promise<number> {
  return (await health([`${bed.server.base}/healthy`])).ms;
}

test('a server slower than --timeout: CRITICAL within timeout + 1 s, waiting for headers or for the body', async () => {
  for (const path of ['/slow-headers', '/slow-body']) {
    const baseline = await startupMs();
    const { stdout, code, ms } = await health([`${bed.server.base}${path}`, '--timeout', '1s']);
    assert.equal(firstLine(stdout), 'HEALTH CRITICAL - timeout after 1 s', path);
    assert.equal(code, 2);
    assert.ok(ms < baseline + 2000, `${path}: ${Math.round(ms)} ms, a plain run ${Math.round(baseline)} ms`);
    const doc = JSON.parse((await health([`${bed.server.base}${path}`, '--timeout', '1s', '--json'])).stdout);
    assert.ok(
      doc.elapsed_ms >= 1000 && doc.elapsed_ms < 2000,
      `${path}: the check took ${doc.elapsed_ms} ms`,
    );
  }
});

test('--retries: every attempt timed out, the run still ends within timeout × 3 + 0.5 s + 1 s (+1 s)', async () => {
  const baseline = await startupMs();
  const args = [`${bed.server.base}/slow-headers`, '--timeout', '500ms', '--retries', '2'];
  const { stdout, code, ms } = await health(args);
  assert.equal(firstLine(stdout), 'HEALTH CRITICAL - timeout after 0.5 s (3 attempts)');
  assert.equal(code, 2);
  assert.ok(
    ms >= 3000 && ms < baseline + 4000,
    `${Math.round(ms)} ms, a plain run ${Math.round(baseline)} ms`,
  );
  const doc = JSON.parse((await health([...args, '--json'])).stdout);
  assert.ok(doc.elapsed_ms >= 3000 && doc.elapsed_ms < 4000, `the check took ${doc.elapsed_ms} ms`);
  assert.equal(doc.attempts, 3);
});

test('--retries: a 503 is retried and the retry gets the healthy answer', async () => {
  const retried = await health([`${bed.server.base}/flaky/retries`, '--retries', '1']);
  assert.equal(firstLine(retried.stdout), 'HEALTH OK - healthy (4 services)');
  assert.equal(retried.code, 0);
  assert.equal(bed.server.hits('/flaky/retries'), 2);
  const json = JSON.parse(
    (await health([`${bed.server.base}/flaky/retries-json`, '--retries', '1', '--json'])).stdout,
  );
  assert.equal(json.attempts, 2);
  const once = await health([`${bed.server.base}/flaky/no-retries`]);
  assert.equal(once.code, 2);
  assert.equal(bed.server.hits('/flaky/no-retries'), 1);
});

test('connection refused: CRITICAL', async () => {
  const { stdout, code } = await health([`http://127.0.0.1:${await closedPort()}/health`]);
  assert.equal(firstLine(stdout), 'HEALTH CRITICAL - connection refused');
  assert.equal(code, 2);
});

test('--json: one document with the state, exit code, reason and every service', async () => {
  const { stdout, code } = await health([`${bed.server.base}/degraded`, '--json']);
  assert.equal(code, 1);
  const doc = JSON.parse(stdout);
  assert.deepEqual(Object.keys(doc), [
    'url',
    'state',
    'exit_code',
    'reason',
    'checked_at',
    'elapsed_ms',
    'response_ms',
    'attempts',
    'http_status',
    'status',
    'version',
    'uptime_seconds',
    'services',
  ]);
  assert.equal(doc.url, `${bed.server.base}/degraded`);
  assert.deepEqual(
    [doc.state, doc.exit_code, doc.reason],
    ['warning', 1, 'degraded; services.redis: degraded'],
  );
  assert.deepEqual(
    [doc.http_status, doc.status, doc.version, doc.uptime_seconds],
    [200, 'degraded', '1.0.0', 86400],
  );
  assert.ok(Math.abs(Date.parse(doc.checked_at) - Date.now()) < 60_000, 'the real time, not SMSMON_NOW');
  assert.deepEqual(doc.services[1], {
    name: 'redis',
    status: 'degraded',
    response_time: 0.4,
    slow: false,
    fields: {},
  });
  assert.deepEqual(doc.services[2].fields, { rate_limit_remaining: 4500 });
  const failed = JSON.parse((await health([`${bed.server.base}/html`, '--json'])).stdout);
  assert.deepEqual(
    [failed.state, failed.exit_code, failed.http_status, failed.services],
    ['unknown', 3, 200, []],
  );
});

test('secrets in the URL are never printed: user:password@, a token as user name, ?token=', async () => {
  const withPassword = bed.server.base.replace('//', '//user:s3cret@');
  const ok = await health([`${withPassword}/auth`]);
  assert.equal(
    firstLine(ok.stdout),
    'HEALTH OK - healthy (4 services)',
    'the password is sent as Basic auth',
  );
  assert.match(ok.stdout, /http:\/\/user:\*\*\*@127\.0\.0\.1:\d+\/auth/);
  const json = await health([`${withPassword}/auth?token=t0ken`, '--json']);
  assert.match(JSON.parse(json.stdout).url, /^http:\/\/user:\*\*\*@127\.0\.0\.1:\d+\/auth\?token=\*\*\*$/);
  const port = await closedPort();
  const refused = await health([`http://tok3n-secret@127.0.0.1:${port}/health`]);
  const fromEnv = await health([], { SMSMON_HEALTH_URL: `http://user:s3cret@127.0.0.1:${port}/health` });
  const bad = await health(['http://user:s3cret@:99999/x']);
  for (const run of [ok, json, refused, fromEnv, bad]) {
    assert.doesNotMatch(run.stdout + run.stderr, /s3cret|t0ken|tok3n/);
  }
  assert.equal(firstLine(fromEnv.stdout), 'HEALTH CRITICAL - connection refused');
  assert.match(fromEnv.stdout, /http:\/\/user:\*\*\*@127\.0\.0\.1/);
  assert.match(refused.stdout, /http:\/\/\*\*\*@127\.0\.0\.1/);
  assert.equal(bad.code, 3);
});

test('the URL comes from SMSMON_HEALTH_URL (health.url) when none is given', async () => {
  const { stdout, code } = await health([], { SMSMON_HEALTH_URL: `${bed.server.base}/degraded` });
  assert.equal(firstLine(stdout), 'HEALTH WARNING - degraded; services.redis: degraded');
  assert.equal(code, 1);
});

test('usage and config errors are UNKNOWN (3), not CRITICAL, with one line on stderr', async () => {
  const url = `${bed.server.base}/healthy`;
  const cases: Array<[string[], RegExp, NodeJS.ProcessEnv?]> = [
    [[url, '--retries', 'x'], /^smsmon: bad --retries "x"; expected a whole number, 0 to 10\n$/],
    [[url, '--retries', '11'], /^smsmon: bad --retries "11"/],
    [[url, '--timeout', 'soon'], /^smsmon: bad --timeout "soon"/],
    [[url, '--warn-ms', '0'], /^smsmon: bad --warn-ms "0"; expected a whole number, at least 1\n$/],
    [
      ['ftp://host/health'],
      /^smsmon: bad URL "ftp:\/\/host\/health"; expected an http:\/\/ or https:\/\/ URL\n$/,
    ],
    [[url, '--bogus'], /unknown option '--bogus'/],
    [[url, 'extra'], /too many arguments/],
    [[url], /^smsmon: SMSMON__HEALTH__WARN_MS: health\.warnMs: /, { SMSMON__HEALTH__WARN_MS: '-5' }],
  ];
  for (const [args, message, env] of cases) {
    const { stderr, stdout, code } = await health(args, env);
    assert.equal(code, 3, `${args.join(' ')}: ${stderr}`);
    assert.match(stderr, message);
    assert.equal(stdout, '');
  }
  // Other commands keep exit 2 for usage errors.
  assert.equal((await runSmsmon(['latency', '--bogus'])).code, 2);
});

/**
 * Runs `smsmon health … --watch` and sends `signal` once stop(stdout) says so (checked on output
 * and every 50 ms), resolving when the process has exited.
 */
function watch(args: string[], stop: (stdout: string) => boolean, signal: NodeJS.Signals = 'SIGINT') {
  return new Promise<RunResult>((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'health', ...args], {
      cwd: REPO,
      env: { ...process.env, FORCE_COLOR: undefined, NO_COLOR: '1', TZ: 'UTC', ...ENV },
    });
    let stdout = '';
    let stderr = '';
    let sent = false;
    const maybeStop = () => {
      if (!sent && stop(stdout)) {
        sent = true;
        child.kill(signal);
      }
    };
    const poll = setInterval(maybeStop, 50);
    const giveUp = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
      maybeStop();
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(poll);
      clearTimeout(giveUp);
      resolve({ stdout, stderr, code });
    });
  });
}

/** Once the first line is out (the signal handlers are in place), after another `ms`. */
function afterFirstLine(ms: number): (stdout: string) => boolean {
  let since: number | undefined;
  return (stdout) => {
    if (stdout === '') return false;
    since ??= Date.now();
    return Date.now() - since >= ms;
  };
}

const lines = (text: string) => text.split('\n').filter((l) => l !== '');

test('--watch prints a line per change; Ctrl-C ends it with the last state as exit code', async () => {
  const { stdout, code } = await watch(
    [`${bed.server.base}/flaky/watch`, '--watch', '100ms'],
    (out) => lines(out).length >= 4,
  );
  const printed = lines(stdout);
  assert.ok(printed.length >= 4);
  printed.forEach((line, i) => {
    const expected =
      i % 2 === 0
        ? 'HEALTH CRITICAL - HTTP 503 Service Unavailable: unhealthy; services.database: unhealthy'
        : 'HEALTH OK - healthy (4 services)';
    assert.match(line, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ /);
    assert.equal(line.slice(21), expected);
  });
  assert.equal(code, printed.length % 2 === 0 ? 0 : 2);
});

test('--watch prints nothing while nothing changes; SIGTERM ends it cleanly', async () => {
  const before = bed.server.hits('/healthy');
  const { stdout, stderr, code } = await watch(
    [`${bed.server.base}/healthy`, '--watch', '100ms', '--json'],
    afterFirstLine(800),
    'SIGTERM',
  );
  assert.equal(code, 0, stderr);
  assert.equal(lines(stdout).length, 1);
  assert.equal(JSON.parse(lines(stdout)[0]!).state, 'ok');
  assert.ok(bed.server.hits('/healthy') - before >= 5, `${bed.server.hits('/healthy') - before} checks`);
});

test('--record stores the state and every response time in the series; the latest hash is left alone', async () => {
  const prefix = `${bed.scratch.prefix}-record`;
  const layout = redisLayout('host', prefix);
  const host = hostname();
  await bed.scratch.redis.hset(layout.latestKey(host), 'timestamp', '1', 'cpu_percent', '12');
  const { stdout, stderr, code } = await health([
    `${bed.server.base}/healthy`,
    '--record',
    '--redis',
    'redis://127.0.0.1:6379',
    '--prefix',
    prefix,
  ]);
  assert.equal(code, 0, stderr);
  assert.equal(firstLine(stdout), 'HEALTH OK - healthy (4 services)');
  assert.match(stderr, /^smsmon: recorded 9 metric\(s\) in redis:\/\/127\.0\.0\.1:6379/);
  const values = async (metric: string) =>
    (await bed.scratch.redis.zrange(layout.metricKey(host, metric), '0', '-1')).map((m) =>
      Number(m.split(':')[1]),
    );
  assert.deepEqual(await values('health_up'), [1]);
  assert.deepEqual(await values('health_state'), [0]);
  assert.equal((await values('health_response_ms')).length, 1);
  assert.deepEqual(await values('health_service_database_response_time'), [0.023]);
  assert.deepEqual(await values('health_service_redis_response_time'), [0.001]);
  assert.deepEqual(await values('health_service_twilio_up'), [1]);
  const [member] = await bed.scratch.redis.zrange(layout.metricKey(host, 'health_up'), '0', '-1');
  assert.ok(Math.abs(Number(member!.split(':')[0]) - Date.now()) < 60_000, 'stored at the real time');
  assert.deepEqual(await bed.scratch.redis.hgetall(layout.latestKey(host)), {
    timestamp: '1',
    cpu_percent: '12',
  });

  const failed = await health([`${bed.server.base}/unhealthy`, '--record', '--prefix', prefix], {
    REDIS_URL: 'redis://127.0.0.1:6379',
  });
  assert.equal(failed.code, 2);
  assert.deepEqual(await values('health_up'), [1, 0]);
  assert.deepEqual(await values('health_state'), [0, 2]);
});

test('--watch --record stores every check, printed or not', async () => {
  const prefix = `${bed.scratch.prefix}-watch`;
  const key = redisLayout('host', prefix).metricKey(hostname(), 'health_state');
  const { code, stdout, stderr } = await watch(
    [
      `${bed.server.base}/healthy`,
      '--watch',
      '100ms',
      '--record',
      '--redis',
      'redis://127.0.0.1:6379',
      '--prefix',
      prefix,
    ],
    afterFirstLine(800),
    'SIGTERM',
  );
  assert.equal(code, 0, stderr);
  assert.equal(lines(stdout).length, 1);
  assert.equal(stderr, '', 'stored checks are not reported one by one');
  assert.ok((await bed.scratch.redis.zcard(key)) >= 4, `${await bed.scratch.redis.zcard(key)} stored`);
});
