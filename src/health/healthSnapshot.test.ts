import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MAX_SERVICE_SERIES, type HealthCheckResult } from '../core/health.js';
import { healthSnapshot } from './healthSnapshot.js';

const base: HealthCheckResult = {
  url: 'http://app/health',
  state: 'warning',
  reason: 'degraded',
  checkedAt: 1_700_000_000_000,
  elapsedMs: 30,
  responseMs: 25,
  httpStatus: 200,
  status: 'degraded',
  version: '1.0.0',
  uptimeSeconds: 5,
  services: [
    { name: 'database', status: 'healthy', responseTime: 0.023, fields: {}, slow: false },
    { name: 'Twilio SMS', status: 'degraded', responseTime: null, fields: { balance: 1 }, slow: false },
    { name: 'redis', status: 'unhealthy', responseTime: 2, fields: {}, slow: true },
    { name: 'queue', status: 'UP', responseTime: null, fields: {}, slow: false },
  ],
};

test('a result becomes series-only metrics: up, state, response time, per service', () => {
  const snapshot = healthSnapshot(base, 'web-1');
  assert.equal(snapshot.seriesOnly, true);
  assert.equal(snapshot.host, 'web-1');
  assert.equal(snapshot.timestamp, base.checkedAt);
  assert.deepEqual(snapshot.metrics, {
    health_up: 1,
    health_state: 1,
    health_response_ms: 25,
    health_service_database_up: 1,
    health_service_database_response_time: 0.023,
    health_service_twilio_sms_up: 0, // degraded: not healthy (isHealthyStatus), as the exporter's gauge
    health_service_redis_up: 0,
    health_service_redis_response_time: 2,
    health_service_queue_up: 1,
  });
  assert.deepEqual(snapshot.details, {
    health: { url: base.url, state: 'warning', reason: 'degraded', status: 'degraded', version: '1.0.0' },
  });
});

test('no answer: down, state as the exit code, no response time', () => {
  const snapshot = healthSnapshot(
    {
      ...base,
      state: 'critical',
      reason: 'connection refused',
      responseMs: null,
      httpStatus: null,
      services: [],
    },
    'web-1',
  );
  assert.deepEqual(snapshot.metrics, { health_up: 0, health_state: 2 });
  assert.equal(healthSnapshot({ ...base, state: 'unknown' }, 'h').metrics.health_state, 3);
});

test('services past MAX_SERVICE_SERIES share "other": up only when all are, the slowest time', () => {
  const services = Array.from({ length: 30_000 }, (_, i) => ({
    name: `svc ${i}`,
    status: i === 29_999 ? 'unhealthy' : 'healthy',
    responseTime: i === 25 ? 4 : 0.01,
    fields: {},
    slow: false,
  }));
  const { metrics } = healthSnapshot({ ...base, services }, 'web-1');
  const perService = Object.keys(metrics).filter((key) => key.startsWith('health_service_'));
  assert.equal(perService.length, (MAX_SERVICE_SERIES + 1) * 2);
  assert.equal(metrics.health_service_svc_0_up, 1);
  assert.equal(metrics[`health_service_svc_${MAX_SERVICE_SERIES - 1}_up`], 1);
  assert.equal(metrics.health_service_other_up, 0);
  assert.equal(metrics.health_service_other_response_time, 4);
});
