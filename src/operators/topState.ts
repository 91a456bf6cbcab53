import type { HealthCheckResult } from '../core/health.js';
import type { MetricsSnapshot } from '../core/snapshot.js';
import type { SmsEventCounts } from './smsEventTally.js';

/** How many refreshes the charts remember at least; a wider screen makes them remember more. */
export const HISTORY = 200;

export interface ErrorTypeCount {
  type: string;
  count: number;
}

/** One refresh of `smsmon top`: the snapshot, requests in the interval, error types, SMS events, health. */
export interface TopSample {
  snapshot: MetricsSnapshot;
  /** Requests (processing_time values) logged since the previous refresh; null when unknown. */
  requests: number | null;
  errorTypes: ErrorTypeCount[];
  /** sms.log records of the last hour by event (sms.events); null when not read. */
  sms: SmsEventCounts | null;
  health: HealthCheckResult | null;
}

/** What the screen shows: the latest sample and short histories of a few series. */
export class TopState {
  latest: TopSample | null = null;
  readonly cpu: number[] = [];
  readonly memory: number[] = [];
  readonly requests: number[] = [];
  refreshes = 0;
  /** Samples kept per series: one per chart column of the widest screen drawn so far. */
  keep = HISTORY;
  /** The last refresh failed: why (shown until one succeeds). */
  problem: string | null = null;
  /** What the figures leave out (a fleet percentile without some hosts), shown beside the keys. */
  note: string | null = null;

  push(sample: TopSample): void {
    this.latest = sample;
    this.refreshes++;
    const m = sample.snapshot.metrics;
    // A missing figure is kept as a gap (NaN), so the three charts stay aligned in time.
    this.remember(this.cpu, m.cpu_percent);
    this.remember(this.memory, m.memory_percent);
    this.remember(this.requests, sample.requests ?? undefined);
  }

  /** Keeps enough samples for charts on a screen this wide (never fewer than before). */
  keepFor(columns: number): void {
    this.keep = Math.max(this.keep, Math.floor(columns));
  }

  /** Replaces the histories (from Redis series, --from-redis). */
  seed(series: { cpu: number[]; memory: number[]; requests: number[] }): void {
    for (const [into, from] of [
      [this.cpu, series.cpu],
      [this.memory, series.memory],
      [this.requests, series.requests],
    ] as const) {
      into.length = 0;
      into.push(...from.slice(-this.keep));
    }
  }

  private remember(history: number[], value: number | undefined): void {
    history.push(value === undefined || !Number.isFinite(value) ? NaN : value);
    if (history.length > this.keep) history.splice(0, history.length - this.keep);
  }
}
