import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { MetricsSnapshot } from '../core/snapshot.js';
import { HealthMetrics } from '../health/healthMetrics.js';
import { PromRegistry } from '../operators/promRegistry.js';
import { systemGaugeName, SystemMetricsGauges } from './systemMetricsGauges.js';

function values(registry: PromRegistry): Record<string, number> {
  const out: Record<string, number> = {};
  for (const family of registry.collect())
    if (family.type !== 'histogram')
      for (const s of family.series)
        out[`${family.name}${s.labels.length ? `{${s.labels.join(',')}}` : ''}`] = s.value;
  return out;
}

test('system figure names: prefixed, and no abbreviated units (Prometheus lint)', () => {
  assert.equal(systemGaugeName('cpu_percent'), 'smsmon_system_cpu_percent');
  assert.equal(systemGaugeName('network_rx_bytes_per_sec'), 'smsmon_system_network_rx_bytes_per_second');
  assert.equal(systemGaugeName('disk_percent:/var'), 'smsmon_system_disk_percent__var');
});

const snapshot = (metrics: Record<string, number>, failed: boolean): MetricsSnapshot => ({
  host: 'h',
  timestamp: 0,
  metrics,
  details: {},
  failures: failed ? [{ source: 'system', message: 'no /proc' }] : [],
});

test('system gauges: one per figure; a failed refresh keeps the last values and says so', () => {
  const registry = new PromRegistry();
  const gauges = new SystemMetricsGauges(registry);
  assert.ok(Number.isNaN(values(registry).smsmon_system_up!));
  gauges.update(snapshot({ cpu_percent: 12.5, memory_total_bytes: 1024 }, false));
  gauges.update(snapshot({}, true));
  assert.deepEqual(values(registry), {
    smsmon_system_cpu_percent: 12.5,
    smsmon_system_failures_total: 1,
    smsmon_system_memory_total_bytes: 1024,
    smsmon_system_up: 0,
  });
});

test('health: per service up and response time; a service that stops reporting reads as down', () => {
  const registry = new PromRegistry();
  const health = new HealthMetrics(registry);
  health.update({
    up: true,
    services: [
      { name: 'database', up: true, responseSeconds: 0.012 },
      { name: 'redis', up: true, responseSeconds: null },
    ],
  });
  health.update({ up: false, services: [{ name: 'database', up: false, responseSeconds: 2 }] });
  const v = values(registry);
  assert.equal(v.smsmon_health_app_up, 0);
  assert.equal(v['smsmon_health_up{database}'], 0);
  assert.equal(v['smsmon_health_response_seconds{database}'], 2);
  assert.equal(v['smsmon_health_up{redis}'], 0);
  assert.ok(Number.isNaN(v['smsmon_health_response_seconds{redis}']!));
  health.failed();
  assert.equal(values(registry).smsmon_health_probe_failures_total, 1);
  health.update({ up: true, services: [{ name: 'database', up: true, responseSeconds: 0.5 }] });
  assert.equal(values(registry)['smsmon_health_up{database}'], 1);
  assert.equal(values(registry).smsmon_health_app_up, 1);
});
