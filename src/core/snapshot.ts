/**
 * One metrics snapshot: what `metrics collect` prints, `metrics snapshot` stores in Redis and
 * `metrics show` reads back. Every source (system, database, logs) contributes independently;
 * a source that fails adds a `failures` entry and its metrics are simply absent.
 */
export type MetricSourceName = 'system' | 'database' | 'logs';

/** What one source produced: flat numeric series plus structured extras. */
export interface SourceMetrics {
  /** Series stored one sorted set per key in Redis (snake_case names, e.g. `cpu_percent`). */
  readonly metrics: Readonly<Record<string, number>>;
  /** Values that are not one number (tier distribution, top categories): kept in the latest hash only. */
  readonly details: Readonly<Record<string, unknown>>;
  /** The state behind percentile figures, as text (operators/sketchText), by what it measures. */
  readonly sketches?: Readonly<Record<string, string>>;
}

export interface SourceFailure {
  readonly source: MetricSourceName;
  /** One line, secrets already redacted. */
  readonly message: string;
}

export interface MetricsSnapshot {
  readonly host: string;
  /** Milliseconds since the epoch, the moment collection started. */
  readonly timestamp: number;
  readonly metrics: Readonly<Record<string, number>>;
  readonly details: Readonly<Record<string, unknown>>;
  readonly failures: readonly SourceFailure[];
  /**
   * The mergeable state behind `<name>_p50`, `<name>_p95`, … (name → sketch text), stored beside the
   * figures so a fleet's percentiles are merged, not averaged. Absent in snapshots of older writers.
   */
  readonly sketches?: Readonly<Record<string, string>>;
  /**
   * Written to the series only, leaving the host's latest hash (the last metrics snapshot) as it
   * is: `health --record` adds its figures to the series without hiding the other metrics.
   */
  readonly seriesOnly?: boolean;
}

/** One stored value of a metric, as read back from the series (redis/seriesReader). */
export interface SeriesPoint {
  readonly timestamp: number;
  readonly value: number;
  /** '' in the guide layout, whose keys do not say which host wrote an entry. */
  readonly host: string;
}
