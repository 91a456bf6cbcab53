import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UsageError } from '../core/errors.js';
import { globLiteral, redisLayout } from './redisLayout.js';
import { snapshotFromJson } from '../core/snapshotJson.js';

test('host layout: keys per host, the host as cluster hash tag', () => {
  const layout = redisLayout();
  assert.equal(layout.metricKey('web-1', 'cpu_percent'), 'smsmon:{web-1}:metric:cpu_percent');
  assert.equal(layout.metricKeyStart('web-1'), 'smsmon:{web-1}:metric:');
  assert.equal(layout.latestKey('web-1'), 'smsmon:{web-1}:latest');
  assert.equal(layout.lockKey('web-1'), 'smsmon:{web-1}:lock');
  assert.equal(layout.hostsKey(), 'smsmon:hosts');
  assert.equal(layout.alertsKey('web-1'), 'smsmon:{web-1}:alerts');
  assert.equal(layout.alertsLockKey('web-1'), 'smsmon:{web-1}:alerts:lock');
  assert.equal(redisLayout('host', 'ops').latestKey('a'), 'ops:{a}:latest');
});

test("guide layout: the guide's metrics:<key> names, other keys outside metrics:*", () => {
  const layout = redisLayout('guide');
  assert.equal(layout.metricKey('web-1', 'cpu_percent'), 'metrics:cpu_percent');
  assert.equal(layout.metricKey('web-2', 'cpu_percent'), 'metrics:cpu_percent');
  assert.equal(layout.latestKey('web-1'), 'metrics-latest');
  assert.equal(layout.hostsKey(), 'metrics-hosts');
  assert.equal(layout.lockKey('web-1'), 'metrics-lock:web-1');
  // Alerts are per host even here: each host judges its own snapshot.
  assert.equal(layout.alertsKey('web-1'), 'metrics-alerts:web-1');
  assert.equal(layout.alertsLockKey('web-1'), 'metrics-alerts-lock:web-1');
});

test('unknown layouts and empty names are usage errors', () => {
  assert.throws(
    () => redisLayout('gude'),
    /unknown Redis layout "gude"; expected host, guide \(did you mean guide\?\)/,
  );
  assert.throws(() => redisLayout('host', ''), UsageError);
  assert.throws(() => redisLayout().latestKey(''), UsageError);
});

test('globLiteral escapes what SCAN MATCH would expand', () => {
  assert.equal(globLiteral('a*b?[c]\\'), 'a\\*b\\?\\[c\\]\\\\');
});

test('snapshotFromJson accepts snapshots only', () => {
  const good = {
    host: 'h',
    timestamp: 1,
    metrics: { a: 1 },
    details: {},
    failures: [{ source: 'logs', message: 'x' }],
  };
  assert.deepEqual(snapshotFromJson(JSON.stringify(good)), good);
  // health --record's flag survives the spool, so a replay leaves the latest hash alone too.
  const seriesOnly = { ...good, seriesOnly: true };
  assert.deepEqual(snapshotFromJson(JSON.stringify(seriesOnly)), seriesOnly);
  assert.deepEqual(snapshotFromJson(JSON.stringify({ ...good, seriesOnly: 'yes' })), good);
  for (const bad of [
    'nope',
    '[]',
    JSON.stringify({ ...good, host: '' }),
    JSON.stringify({ ...good, timestamp: -1 }),
    JSON.stringify({ ...good, metrics: { a: '1' } }),
    JSON.stringify({ ...good, failures: [{ source: 'disk', message: 'x' }] }),
    JSON.stringify({ ...good, details: null }),
  ]) {
    assert.equal(snapshotFromJson(bad), null, bad);
  }
});
