import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MANY_SERVICES, MANY_UNHEALTHY } from '../kit/healthServer.js';
import { healthBed } from '../kit/healthBed.js';

/**
 * A hostile /health listing 30,000 services (under the 1 MiB body cap) from a real server on
 * 127.0.0.1: the whole check, printing included, stays inside --timeout; the text shows problems
 * first and counts the rest; --record does not write a series per service.
 */
const bed = healthBed();
/** Node's start-up on a busy machine. */
const SLACK_MS = 2000;

function health(args: string[]) {
  return bed.health([`${bed.server.base}/many-services`, '--timeout', '3s', ...args]);
}

test('text: within --timeout 3s, 100 rows, every one a problem, the rest counted by status', async () => {
  const { stdout, stderr, code, ms } = await health([]);
  assert.ok(ms < 3000 + SLACK_MS, `took ${Math.round(ms)} ms`);
  assert.equal(code, 1, stderr);
  assert.match(stdout, /^HEALTH WARNING - services\.s0: unhealthy; services\.s33: unhealthy; /);
  const rows = stdout.split('\n').filter((line) => /^│ s\d/.test(line));
  assert.equal(rows.length, 100);
  assert.ok(
    rows.every((row) => row.includes(' unhealthy ')),
    'the unhealthy services come first',
  );
  const hiddenUnhealthy = MANY_UNHEALTHY - 100;
  const hiddenHealthy = MANY_SERVICES - 100 - hiddenUnhealthy;
  const count = (n: number) => n.toLocaleString('en-US');
  assert.equal(
    stdout.trimEnd().split('\n').at(-1),
    `… and ${count(MANY_SERVICES - 100)} more: ${count(hiddenHealthy)} healthy, ${count(hiddenUnhealthy)} unhealthy`,
  );
});

test('--json: every service, within --timeout 3s', async () => {
  const { stdout, stderr, code, ms } = await health(['--json']);
  assert.ok(ms < 3000 + SLACK_MS, `took ${Math.round(ms)} ms`);
  assert.equal(code, 1, stderr);
  const document = JSON.parse(stdout) as { services: unknown[] };
  assert.equal(document.services.length, MANY_SERVICES);
});

test('--record: 20 services with series of their own, the rest under "other", not 30,000 keys', async () => {
  const { stderr, code, ms } = await health([
    '--json',
    '--record',
    '--redis',
    'redis://127.0.0.1:6379',
    '--prefix',
    bed.scratch.prefix,
  ]);
  assert.ok(ms < 3000 + SLACK_MS, `took ${Math.round(ms)} ms`);
  assert.equal(code, 1, stderr);
  // health_up, health_state, health_response_ms, and 20 + "other" services' _up.
  assert.match(stderr, /^smsmon: recorded 24 metric\(s\) in redis:\/\/127\.0\.0\.1:6379/);
  const serviceKeys = (await bed.scratch.keys()).filter((key) => key.includes(':health_service_'));
  assert.equal(serviceKeys.length, 21);
  assert.ok(serviceKeys.some((key) => key.endsWith(':health_service_other_up')));
});
