import { compileDurationReader, type DurationSourceOptions } from './durationValues.js';
import { ExactQuantiles, ValueBudget } from './exactQuantiles.js';
import { groupKind } from './latencyGroups.js';
import { LatencyStats } from './latencyStats.js';
import type { LatencySummaryOptions } from './latencySummary.js';
import { LogBuckets } from './logBuckets.js';
import { SketchQuantiles } from './sketchQuantiles.js';

/**
 * What the latency operator computes, as plain data: the command validates its flags into this
 * once, and each thread of a sharded scan builds the same operator from it.
 */
export interface LatencySpec {
  /** Where a record's duration is read: --pattern, --field or processing_time, and --unit. */
  duration: DurationSourceOptions;
  /** A --by group name (latencyGroups.ts). */
  by?: string;
  /** --slowest N. */
  slowest?: number;
  histogram: boolean;
  /** Keep every value (--exact) rather than a sketch. */
  exact: boolean;
}

/** The operator's reader, grouping and stats; the spec was validated, so this does not fail. */
export function latencySummaryOptions(spec: LatencySpec): LatencySummaryOptions {
  const budget = new ValueBudget();
  return {
    reader: compileDurationReader(spec.duration),
    by: spec.by === undefined ? undefined : groupKind(spec.by),
    slowest: spec.slowest,
    newStats: () =>
      new LatencyStats(
        spec.exact ? new ExactQuantiles(budget) : new SketchQuantiles(),
        spec.histogram ? new LogBuckets() : null,
      ),
  };
}
