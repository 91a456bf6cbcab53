import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { HealthCheckResult } from '../core/health.js';
import {
  healthDocument,
  healthLine,
  healthNdjson,
  healthText,
  MAX_SERVICE_ROWS,
  watchLine,
} from './healthReport.js';

const THRESHOLDS = { warnMs: 1000, criticalMs: 5000 };

const result: HealthCheckResult = {
  url: 'http://u:***@app/health',
  state: 'warning',
  reason: 'services.twilio: \x1b[31mdown',
  checkedAt: Date.UTC(2024, 0, 20, 12, 30, 0, 123),
  elapsedMs: 30,
  responseMs: 25,
  attempts: 1,
  httpStatus: 200,
  status: 'healthy',
  version: '1.0.0',
  uptimeSeconds: 86400,
  services: [
    { name: 'database', status: 'healthy', responseTime: 1.5, fields: {}, slow: true },
    {
      name: 'twilio',
      status: '\x1b[31mdown',
      responseTime: null,
      fields: { account_balance: '$45.67', limits: { sms: 10 } },
      slow: false,
    },
  ],
};

test('the Nagios line comes first, with perfdata; control characters from the endpoint are escaped', () => {
  assert.equal(healthLine(result), 'HEALTH WARNING - services.twilio: \\x1b[31mdown');
  const text = healthText(result, false, THRESHOLDS);
  assert.doesNotMatch(text, /\x1b/);
  const lines = text.split('\n');
  assert.equal(lines[0], `${healthLine(result)} | time=0.025s;1;5;0 database=1.5s;1;5;0`);
  assert.equal(
    lines[1],
    'http://u:***@app/health · HTTP 200 in 25.0ms · status healthy · version 1.0.0 · uptime 1d00h',
  );
  assert.match(text, /│ database +│ healthy +│ +1\.50s SLOW │ +│/);
  assert.match(text, /│ twilio +│ \\x1b\[31mdown +│ +- │ account_balance=\$45\.67 limits=\{"sms":10\} │/);
});

test('JSON: snake_case, the exit code, services with their own fields', () => {
  const doc = healthDocument(result);
  assert.equal(doc.exit_code, 1);
  assert.equal(doc.checked_at, '2024-01-20T12:30:00.123Z');
  assert.deepEqual(doc.services[1], {
    name: 'twilio',
    status: '\x1b[31mdown',
    response_time: null,
    slow: false,
    fields: { account_balance: '$45.67', limits: { sms: 10 } },
  });
  const line = healthNdjson(result);
  assert.equal(line.split('\n').length, 2);
  assert.deepEqual(JSON.parse(line), JSON.parse(JSON.stringify(doc)));
});

test('watch lines: time to the second, then the Nagios line', () => {
  assert.equal(watchLine(result), '2024-01-20T12:30:00Z HEALTH WARNING - services.twilio: \\x1b[31mdown\n');
});

test('no answer: the summary says so', () => {
  const failed = {
    ...result,
    httpStatus: null,
    responseMs: null,
    attempts: 3,
    elapsedMs: 15_000,
    services: [],
  };
  const text = healthText({ ...failed, status: null, version: null, uptimeSeconds: null }, false, THRESHOLDS);
  assert.equal(text.split('\n')[0], healthLine(failed), 'no time to report: no perfdata');
  assert.equal(text.split('\n')[1], 'http://u:***@app/health · no answer after 15.0s (3 attempts)');
});

test('more services than rows: problems first, the rest counted by status (escaped, the rarest together)', () => {
  const statuses = ['healthy', 'a', 'b', 'c', 'd', '\x1b]0;owned\x07', 'f'];
  const services = Array.from({ length: 1000 }, (_, i) => ({
    name: `s${i}`,
    status: i === 999 ? 'down' : i < 300 ? statuses[i % 7]! : 'healthy',
    responseTime: null,
    fields: {},
    slow: i === 998,
  }));
  const text = healthText({ ...result, services }, false, THRESHOLDS);
  assert.doesNotMatch(text, /[\x1b\x07]/);
  const rows = text.split('\n').filter((line) => /^│ s\d/.test(line));
  assert.equal(rows.length, MAX_SERVICE_ROWS);
  assert.match(rows[0]!, /^│ s1 /, 'the first problem in the body order');
  // 259 problems (s1–s299 but every 7th, s998 slow, s999 down); s1–s116 shown. Hidden: s998 counts
  // as healthy, each status of s117–s299 26 times (the owned one 27), s999 down once.
  assert.equal(
    text.trimEnd().split('\n').at(-1),
    '… and 900 more: 742 healthy, 27 \\x1b]0;owned\\x07, 26 f, 26 a, 26 b, 53 with 3 other statuses',
  );
});

test("a '|' from the endpoint never ends the plugin output early", () => {
  const piped = { ...result, reason: 'services.a|b: up|down', services: [] };
  const line = healthText(piped, false, THRESHOLDS).split('\n')[0]!;
  assert.equal(line, 'HEALTH WARNING - services.a¦b: up¦down | time=0.025s;1;5;0');
});

test('statuses "ok" and "up" are healthy rows: green, never counted as problems', () => {
  const services = Array.from({ length: MAX_SERVICE_ROWS + 1 }, (_, i) => ({
    name: `s${i}`,
    status: i === MAX_SERVICE_ROWS ? 'down' : i % 2 ? 'OK' : 'up',
    responseTime: null,
    fields: {},
    slow: false,
  }));
  const text = healthText({ ...result, services }, true, THRESHOLDS).replace(/\x1b\[90m(.)\x1b\[39m/g, '$1');
  assert.match(text, /│ s100 +│ \x1b\[31mdown\x1b\[39m/, 'the one problem comes first, red');
  assert.match(text, /│ s0 +│ \x1b\[32mup\x1b\[39m/);
  assert.match(text, /│ s1 +│ \x1b\[32mOK\x1b\[39m/);
});

test('the services table fits its width, coloured or not: the details give way, then the service name', () => {
  const services = [
    {
      name: 'payments_provider_webhook_receiver',
      status: 'healthy',
      responseTime: 0.25,
      fields: { region: 'eu-west-1', queue: 'payments-incoming-priority', note: 'a long detail' },
      slow: false,
    },
  ];
  const table = (color: boolean, limit: number) =>
    healthText({ ...result, services }, color, THRESHOLDS, { limit, wide: false })
      .replace(/\x1b\[[0-9;]*m/g, '')
      .split('\n')
      .filter((line) => /^[┌│└]/.test(line));
  for (const color of [false, true])
    for (const limit of [100, 70, 61])
      for (const line of table(color, limit)) assert.ok(line.length <= limit, line);
  const row = table(false, 61)[2]!;
  assert.match(row, /^│ paymen…eiver │ healthy │ +250ms │ region=eu-west-… │$/);
});
