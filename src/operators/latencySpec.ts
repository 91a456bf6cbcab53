import { logZoneOf, type ZoneChoice } from '../core/logZone.js';
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
  /** The zone the log's times are read in (--by hour is an hour of its wall clock). */
  zone: ZoneChoice;
}

/** The operator's reader, grouping and stats; the spec was validated, so this does not fail. */
export function latencySummaryOptions(spec: LatencySpec): LatencySummaryOptions {
  const budget = new ValueBudget();
  return {
    reader: compileDurationReader(spec.duration),
    by: spec.by === undefined ? undefined : groupKind(spec.by, logZoneOf(spec.zone).wallClock),
    slowest: spec.slowest,
    newStats: () =>
      new LatencyStats(
        spec.exact ? new ExactQuantiles(budget) : new SketchQuantiles(),
        spec.histogram ? new LogBuckets() : null,
      ),
  };
}
