import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_THRESHOLDS } from '../core/configSchema.js';
import type { HealthCheckResult, ServiceHealth } from '../core/health.js';
import { metricValueText } from '../sinks/metricValue.js';
import { evaluateThresholds, isUnknownKey } from './thresholdCheck.js';

const check = (
  metrics: Record<string, number>,
  thresholds: Record<string, { warning?: number; critical?: number }>,
  health: HealthCheckResult | null = null,
) => evaluateThresholds(metrics, thresholds, health, metricValueText);

test('bands: at or above critical is critical, at or above warning a warning, below nothing', () => {
  const thresholds = { cpu_percent: { warning: 80, critical: 90 } };
  const severity = (v: number) => check({ cpu_percent: v }, thresholds).alerts[0]?.severity ?? 'none';
  assert.deepEqual([79.9, 80, 89.99, 90, 100].map(severity), [
    'none',
    'warning',
    'warning',
    'critical',
    'critical',
  ]);
  const alert = check({ cpu_percent: 93.14 }, thresholds).alerts[0]!;
  assert.deepEqual(alert, {
    key: 'cpu_percent',
    metric: 'cpu_percent',
    value: 93.14,
    threshold: 90,
    severity: 'critical',
    message: 'cpu_percent 93.1 % ≥ critical 90 %',
  });
});

test('one band only: critical alone, warning alone; equal bands give critical; {} is off', () => {
  assert.equal(check({ a: 5 }, { a: { critical: 5 } }).alerts[0]!.severity, 'critical');
  assert.deepEqual(check({ a: 4 }, { a: { critical: 5 } }).alerts, []);
  assert.equal(check({ a: 5 }, { a: { warning: 5, critical: 5 } }).alerts[0]!.severity, 'critical');
  const off = check({ a: 1e9 }, { a: {} });
  assert.deepEqual([off.alerts, off.notMeasured, off.checked], [[], [], 0]);
});

test("the guide's defaults, under smsmon's names, with units in the message", () => {
  const result = check(
    {
      cpu_percent: 80,
      memory_percent: 84.9,
      error_rate: 5.61,
      avg_processing_time: 6.25,
      failed_tasks_last_hour: 10,
    },
    DEFAULT_THRESHOLDS,
  );
  assert.deepEqual(
    result.alerts.map((a) => a.message),
    [
      'avg_processing_time 6.25s ≥ warning 5.00s',
      'cpu_percent 80 % ≥ warning 80 %',
      'error_rate 5.6 % ≥ warning 5 %',
      'failed_tasks_last_hour 10 ≥ warning 10',
    ],
  );
  assert.equal(result.checked, 5);
});

test('a configured metric the snapshot lacks is listed as not measured, not as an alert', () => {
  const result = check(
    { cpu_percent: 99, broken: NaN },
    { memory_percent: { warning: 1 }, broken: { warning: 1 }, cpu_percent: { warning: 50 } },
  );
  assert.deepEqual(result.notMeasured, ['broken', 'memory_percent']);
  assert.deepEqual(
    result.alerts.map((a) => a.key),
    ['cpu_percent'],
  );
  assert.equal(isUnknownKey(result, 'memory_percent'), true);
  assert.equal(isUnknownKey(result, 'cpu_percent'), false);
});

test('critical alerts come first, then by key', () => {
  const result = check(
    { b: 2, a: 2, c: 9 },
    { a: { warning: 1, critical: 5 }, b: { warning: 1 }, c: { warning: 1, critical: 5 } },
  );
  assert.deepEqual(
    result.alerts.map((a) => `${a.key}:${a.severity}`),
    ['c:critical', 'a:warning', 'b:warning'],
  );
});

const service = (name: string, status: string): ServiceHealth => ({
  name,
  status,
  responseTime: 0.1,
  fields: {},
  slow: false,
});

const health = (state: HealthCheckResult['state'], reason: string, services: ServiceHealth[] = []) =>
  ({
    url: 'http://localhost:5001/health',
    state,
    reason,
    checkedAt: 0,
    elapsedMs: 12,
    httpStatus: 200,
    status: 'healthy',
    version: '1.0',
    uptimeSeconds: 1,
    services,
  }) satisfies HealthCheckResult;

test('health: critical and warning map to their severity, unknown is a warning, ok is nothing', () => {
  const of = (h: HealthCheckResult) => check({}, {}, h).alerts.map((a) => [a.key, a.severity, a.message]);
  assert.deepEqual(of(health('critical', 'HTTP 503')), [['health', 'critical', 'health critical: HTTP 503']]);
  assert.deepEqual(of(health('warning', 'slow: 1.2 s')), [
    ['health', 'warning', 'health warning: slow: 1.2 s'],
  ]);
  assert.deepEqual(of(health('unknown', 'timeout after 5 s')), [
    ['health', 'warning', 'health unknown: timeout after 5 s'],
  ]);
  assert.deepEqual(of(health('ok', 'healthy')), []);
  const alert = check({}, {}, health('critical', 'x')).alerts[0]!;
  assert.ok(Number.isNaN(alert.value) && Number.isNaN(alert.threshold));
});

test('health: every service not healthy is a warning of its own key', () => {
  const result = check(
    {},
    {},
    health('critical', 'services.database: unhealthy', [
      service('database', 'unhealthy'),
      service('redis', 'Healthy'),
      service('twilio', 'degraded'),
    ]),
  );
  assert.deepEqual(
    result.alerts.map((a) => [a.key, a.severity, a.message]),
    [
      ['health', 'critical', 'health critical: services.database: unhealthy'],
      ['health:database', 'warning', 'health:database unhealthy'],
      ['health:twilio', 'warning', 'health:twilio degraded'],
    ],
  );
  assert.equal(isUnknownKey(result, 'health:database'), false);
});

test('no health result: the health keys are unknown, not clear', () => {
  const result = check({ a: 1 }, { a: { warning: 5 } });
  assert.equal(result.healthChecked, false);
  assert.equal(isUnknownKey(result, 'health'), true);
  assert.equal(isUnknownKey(result, 'health:database'), true);
  assert.equal(isUnknownKey(result, 'a'), false);
});
