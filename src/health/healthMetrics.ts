import { MAX_SERVICE_SERIES } from '../core/health.js';
import type { HealthProbeResult } from './healthGauges.js';
import { BoundedLabel } from '../operators/boundedLabel.js';
import type { Counter, Gauge, PromRegistry } from '../operators/promRegistry.js';

/** Health probe results → gauges. A service seen once keeps its series: missing later, it reads as down. */
export class HealthMetrics {
  private readonly appUp: Gauge;
  private readonly up: Gauge;
  private readonly response: Gauge;
  private readonly failures: Counter;
  private readonly services = new BoundedLabel(MAX_SERVICE_SERIES);
  private readonly seen = new Set<string>();

  constructor(registry: PromRegistry) {
    this.appUp = registry.gauge(
      'smsmon_health_app_up',
      '1 when the app answered its health check as healthy, else 0.',
    );
    this.up = registry.gauge('smsmon_health_up', '1 when the service reported itself up, else 0.', [
      'service',
    ]);
    this.response = registry.gauge(
      'smsmon_health_response_seconds',
      'Response time the service reported in the last health check; NaN when none.',
      ['service'],
    );
    this.failures = registry.counter(
      'smsmon_health_probe_failures_total',
      'Health checks that failed outright (no answer, unreadable answer).',
    );
    this.failures.touch();
    this.appUp.set([], Number.NaN);
  }

  update(result: HealthProbeResult): void {
    this.appUp.set([], result.up ? 1 : 0);
    // Services past the limit share "other": up only when all of them are, the slowest response.
    const merged = new Map<string, { up: boolean; seconds: number }>();
    for (const service of result.services) {
      const label = this.services.map(service.name);
      const seconds = service.responseSeconds ?? Number.NaN;
      const before = merged.get(label);
      merged.set(label, {
        up: service.up && (before?.up ?? true),
        seconds: before ? Math.max(before.seconds, seconds) : seconds,
      });
    }
    for (const label of this.seen)
      if (!merged.has(label)) merged.set(label, { up: false, seconds: Number.NaN });
    for (const [label, { up, seconds }] of merged) {
      this.seen.add(label);
      this.up.set([label], up ? 1 : 0);
      this.response.set([label], seconds);
    }
  }

  /** The probe threw: the app and every service known so far read as down. */
  failed(): void {
    this.failures.inc();
    this.update({ up: false, services: [] });
  }
}
