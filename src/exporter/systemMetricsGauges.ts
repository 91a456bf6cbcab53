import type { MetricsSnapshot } from '../core/snapshot.js';
import type { Counter, Gauge, PromRegistry } from '../operators/promRegistry.js';

const PREFIX = 'smsmon_system_';

/** What each figure of `metrics collect`'s system source is; others get a generic line. */
const HELP: Readonly<Record<string, string>> = {
  cpu_percent: 'CPU busy in % over the sample window, as psutil.cpu_percent.',
  memory_percent: 'Memory in use in %, as psutil.virtual_memory().percent.',
  memory_used_bytes: 'Memory in use, bytes (total minus available).',
  memory_total_bytes: 'Memory in all, bytes.',
  disk_percent: 'Use in % of the fullest file system of system.mounts.',
  load_average_1: 'Load average over 1 minute.',
  load_average_5: 'Load average over 5 minutes.',
  load_average_15: 'Load average over 15 minutes.',
  network_rx_bytes_per_sec: 'Bytes received per second over the sample window, all interfaces but lo.',
  network_tx_bytes_per_sec: 'Bytes sent per second over the sample window, all interfaces but lo.',
};

/**
 * `network_rx_bytes_per_sec` → `smsmon_system_network_rx_bytes_per_second`: one gauge per figure,
 * not one labelled gauge, because their units differ (%, bytes, bytes/s, load) and a sum or
 * average across them means nothing. Prometheus's lint rejects the abbreviation "sec".
 */
export function systemGaugeName(name: string): string {
  const words = name.replace(/[^a-zA-Z0-9_]/g, '_').split('_');
  return PREFIX + words.map((word) => (word === 'sec' ? 'second' : word)).join('_');
}

/** The system figures of a snapshot → gauges; a figure keeps its last value when a refresh fails. */
export class SystemMetricsGauges {
  private readonly gauges = new Map<string, Gauge>();
  private readonly up: Gauge;
  private readonly failures: Counter;

  constructor(private readonly registry: PromRegistry) {
    this.up = registry.gauge(
      'smsmon_system_up',
      '1 when the last refresh of the system figures worked, else 0 (the figures keep their last values).',
    );
    this.failures = registry.counter(
      'smsmon_system_failures_total',
      'Refreshes of the system figures that failed.',
    );
    this.failures.touch();
    this.up.set([], Number.NaN);
  }

  update(snapshot: MetricsSnapshot): void {
    const failed = snapshot.failures.some((f) => f.source === 'system');
    this.up.set([], failed ? 0 : 1);
    if (failed) this.failures.inc();
    for (const [name, value] of Object.entries(snapshot.metrics)) this.gaugeFor(name).set([], value);
  }

  private gaugeFor(name: string): Gauge {
    let gauge = this.gauges.get(name);
    if (!gauge) {
      const help = HELP[name] ?? `${name} from smsmon metrics collect (system source).`;
      gauge = this.registry.gauge(systemGaugeName(name), help);
      this.gauges.set(name, gauge);
    }
    return gauge;
  }
}
