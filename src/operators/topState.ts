import type { HealthCheckResult } from '../core/health.js';
import type { MetricsSnapshot } from '../core/snapshot.js';
import type { SmsEventCounts } from './smsEventTally.js';

/** How many refreshes the sparklines and bars remember (wider terminals show more of them). */
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
  /** The last refresh failed: why (shown until one succeeds). */
  problem: string | null = null;
  /** What the figures leave out (a fleet percentile without some hosts), shown beside the keys. */
  note: string | null = null;

  push(sample: TopSample): void {
    this.latest = sample;
    this.refreshes++;
    const m = sample.snapshot.metrics;
    remember(this.cpu, m.cpu_percent);
    remember(this.memory, m.memory_percent);
    remember(this.requests, sample.requests ?? undefined);
  }

  /** Replaces the histories (from Redis series, --from-redis). */
  seed(series: { cpu: number[]; memory: number[]; requests: number[] }): void {
    for (const [into, from] of [
      [this.cpu, series.cpu],
      [this.memory, series.memory],
      [this.requests, series.requests],
    ] as const) {
      into.length = 0;
      into.push(...from.slice(-HISTORY));
    }
  }
}

function remember(history: number[], value: number | undefined): void {
  if (value === undefined || !Number.isFinite(value)) return;
  history.push(value);
  if (history.length > HISTORY) history.shift();
}
