import type { MetricsSnapshot } from '../../src/core/snapshot.js';
import { LatencyStats } from '../../src/operators/latencyStats.js';
import { nearestRank, parsePercentiles } from '../../src/operators/percentiles.js';
import { SketchQuantiles } from '../../src/operators/sketchQuantiles.js';
import { storedSketchText } from '../../src/operators/sketchText.js';

const [P50, P95] = parsePercentiles('50,95');

/** A busy, fast host's processing times (10 … 100 ms) and a quiet, slow one's (1 … 2 s). */
export const FAST_VALUES = Array.from({ length: 2000 }, (_, i) => 0.01 + i * 0.000045);
export const SLOW_VALUES = Array.from({ length: 200 }, (_, i) => 1 + i * 0.005);

/**
 * What `metrics snapshot` stores for these processing times: p50, p95 and, unless `old` (a
 * snapshot of an older smsmon), the sketch beside them.
 */
export function sketchedSnapshot(
  host: string,
  timestamp: number,
  values: readonly number[],
  old = false,
): MetricsSnapshot {
  const store = new SketchQuantiles();
  const stats = new LatencyStats(store, null);
  for (const v of values) stats.push(v);
  const [p50, p95] = stats.valuesOf([P50!, P95!]);
  return {
    host,
    timestamp,
    metrics: { processing_time_p50: p50!, processing_time_p95: p95!, cpu_percent: values.length },
    details: {},
    failures: [],
    ...(old ? {} : { sketches: { processing_time: storedSketchText(store)! } }),
  };
}

/** The nearest-rank p95 of the values, the truth a fleet figure is held to. */
export function exactP95(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[nearestRank(P95!, sorted.length) - 1]!;
}
