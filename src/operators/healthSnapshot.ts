import { HEALTH_EXIT_CODES, type HealthCheckResult } from '../core/health.js';
import type { MetricsSnapshot } from '../core/snapshot.js';

/**
 * One health check as metric series beside `metrics snapshot`'s (health --record):
 *   health_up                              1 when the state is OK or WARNING, else 0
 *   health_state                           0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN
 *   health_response_ms                     the answering attempt; absent when no HTTP answer came
 *   health_service_<name>_up               1 when the service says healthy or degraded, else 0
 *   health_service_<name>_response_time    seconds, as the app reports it; absent when it does not
 * <name> is the service's name in snake_case (`Twilio SMS` → `twilio_sms`). seriesOnly: the host's
 * latest hash stays the metrics snapshot's.
 */
export function healthSnapshot(result: HealthCheckResult, host: string): MetricsSnapshot {
  const metrics: Record<string, number> = {
    health_up: result.state === 'ok' || result.state === 'warning' ? 1 : 0,
    health_state: HEALTH_EXIT_CODES[result.state],
  };
  if (result.responseMs !== undefined && result.responseMs !== null)
    metrics.health_response_ms = result.responseMs;
  for (const service of result.services) {
    const name = `health_service_${snakeCase(service.name)}`;
    metrics[`${name}_up`] = /^(?:healthy|degraded)$/i.test(service.status) ? 1 : 0;
    if (service.responseTime !== null) metrics[`${name}_response_time`] = service.responseTime;
  }
  const { url, state, reason, status, version } = result;
  return {
    host,
    timestamp: result.checkedAt,
    metrics,
    details: { health: { url, state, reason, status, version } },
    failures: [],
    seriesOnly: true,
  };
}

function snakeCase(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '') || 'unnamed'
  );
}
