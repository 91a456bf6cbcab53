import { HEALTH_EXIT_CODES, MAX_SERVICE_SERIES, type HealthCheckResult } from '../core/health.js';
import type { MetricsSnapshot } from '../core/snapshot.js';
import { BoundedLabel } from '../operators/boundedLabel.js';
import { isHealthyStatus } from './healthyStatus.js';

/**
 * One health check as metric series beside `metrics snapshot`'s (health --record):
 *   health_up                              1 when the state is OK or WARNING, else 0
 *   health_state                           0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN
 *   health_response_ms                     the answering attempt; absent when no HTTP answer came
 *   health_service_<name>_up               1 when its status is healthy (isHealthyStatus), else 0
 *   health_service_<name>_response_time    seconds, as the app reports it; absent when it does not
 * <name> is the service's name in snake_case (`Twilio SMS` → `twilio_sms`); the services after the
 * first MAX_SERVICE_SERIES names share `other` (up only when all are, the slowest response time), so
 * an endpoint listing thousands cannot fill Redis. seriesOnly: the host's latest hash stays the
 * metrics snapshot's.
 */
export function healthSnapshot(result: HealthCheckResult, host: string): MetricsSnapshot {
  const metrics: Record<string, number> = {
    health_up: result.state === 'ok' || result.state === 'warning' ? 1 : 0,
    health_state: HEALTH_EXIT_CODES[result.state],
  };
  if (result.responseMs !== undefined && result.responseMs !== null)
    metrics.health_response_ms = result.responseMs;
  const labels = new BoundedLabel(MAX_SERVICE_SERIES);
  for (const service of result.services) {
    const name = `health_service_${labels.map(snakeCase(service.name))}`;
    const up = isHealthyStatus(service.status) ? 1 : 0;
    metrics[`${name}_up`] = Math.min(up, metrics[`${name}_up`] ?? 1);
    if (service.responseTime !== null)
      metrics[`${name}_response_time`] = Math.max(
        service.responseTime,
        metrics[`${name}_response_time`] ?? 0,
      );
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
