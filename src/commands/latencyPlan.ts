import { UsageError } from '../core/errors.js';
import { parseUnitOption } from '../operators/durationText.js';
import { compileDurationReader, type DurationReader } from '../operators/durationValues.js';
import { ExactQuantiles, ValueBudget } from '../operators/exactQuantiles.js';
import { groupKind, type GroupKind } from '../operators/latencyGroups.js';
import { LatencyStats } from '../operators/latencyStats.js';
import { parseThresholds, type Threshold } from '../operators/latencyThresholds.js';
import { LogBuckets } from '../operators/logBuckets.js';
import { parsePercentiles, type Percentile } from '../operators/percentiles.js';
import { SketchQuantiles } from '../operators/sketchQuantiles.js';
import type { LatencyCommandOptions } from './latency/options.js';
import { parseWholeNumber } from './shared/wholeNumber.js';
/** The latency options, validated and compiled once before the first line is read. */
export interface LatencyPlan {
  reader: DurationReader;
  percentiles: Percentile[];
  byName: string | null;
  by?: GroupKind;
  slowest?: number;
  histogram: boolean;
  newStats: () => LatencyStats;
  accuracy: string;
  thresholds: Threshold[];
  writer: 'text' | 'json' | 'ndjson' | 'csv';
}

/** The most --slowest records kept (each holds its message). */
const MAX_SLOWEST = 10_000;

export function buildLatencyPlan(options: LatencyCommandOptions): LatencyPlan {
  if (options.raw || options.fields !== undefined)
    throw new UsageError('--raw and --fields print records; latency prints a summary (use --json or --csv)');
  const writer = options.csv ? 'csv' : options.ndjson ? 'ndjson' : options.json ? 'json' : 'text';
  const histogram = options.histogram === true;
  if ((writer === 'ndjson' || writer === 'csv') && (histogram || options.slowest !== undefined))
    throw new UsageError(`--histogram and --slowest go with the table or --json, not --${writer}`);
  const reader = compileDurationReader({
    pattern: options.pattern,
    field: options.field,
    bareExponent: parseUnitOption(options.unit),
  });
  const budget = new ValueBudget();
  return {
    reader,
    percentiles: parsePercentiles(options.percentiles),
    byName: options.by ?? null,
    by: options.by === undefined ? undefined : groupKind(options.by),
    slowest: options.slowest === undefined ? undefined : parseSlowest(options.slowest),
    histogram,
    newStats: () =>
      new LatencyStats(
        options.exact ? new ExactQuantiles(budget) : new SketchQuantiles(),
        histogram ? new LogBuckets() : null,
      ),
    accuracy: options.exact ? 'exact' : 'ddsketch 1%',
    thresholds: parseThresholds(options.failOver ?? []),
    writer,
  };
}

function parseSlowest(text: string): number {
  return parseWholeNumber('--slowest', text, `a count from 1 to ${MAX_SLOWEST}`, 1, MAX_SLOWEST);
}
