import type { ZoneChoice } from '../../core/logZone.js';
import { UsageError } from '../../core/errors.js';
import { parseUnitOption } from '../../operators/durationText.js';
import { compileDurationReader } from '../../operators/durationValues.js';
import { checkGroupName } from '../../operators/latencyGroups.js';
import { latencySummaryOptions, type LatencySpec } from '../../operators/latencySpec.js';
import type { LatencySummaryOptions } from '../../operators/latencySummary.js';
import { parseThresholds, type Threshold } from '../../operators/latencyThresholds.js';
import { parsePercentiles, type Percentile } from '../../operators/percentiles.js';
import type { LatencyCommandOptions } from './options.js';
import { parseWholeNumber } from '../shared/wholeNumber.js';

/** The latency options, validated and compiled once before the first line is read. */
export interface LatencyPlan extends LatencySummaryOptions {
  /** What the operator is built from, here and in each worker thread. */
  spec: LatencySpec;
  percentiles: Percentile[];
  byName: string | null;
  histogram: boolean;
  accuracy: string;
  thresholds: Threshold[];
  writer: 'text' | 'json' | 'ndjson' | 'csv';
}

/** The most --slowest records kept (each holds its message). */
const MAX_SLOWEST = 10_000;

/** `zone`: the log's, chosen as every log command chooses it (logZone.ts). */
export function buildLatencyPlan(options: LatencyCommandOptions, zone: ZoneChoice): LatencyPlan {
  if (options.raw || options.fields !== undefined)
    throw new UsageError('--raw and --fields print records; latency prints a summary (use --json or --csv)');
  const writer = options.csv ? 'csv' : options.ndjson ? 'ndjson' : options.json ? 'json' : 'text';
  const histogram = options.histogram === true;
  if ((writer === 'ndjson' || writer === 'csv') && (histogram || options.slowest !== undefined))
    throw new UsageError(`--histogram and --slowest go with the table or --json, not --${writer}`);
  const duration = {
    pattern: options.pattern,
    field: options.field,
    bareExponent: parseUnitOption(options.unit),
  };
  // Each flag is checked in turn, so the first bad one is the one reported.
  compileDurationReader(duration);
  const percentiles = parsePercentiles(options.percentiles);
  if (options.by !== undefined) checkGroupName(options.by);
  const spec: LatencySpec = {
    duration,
    by: options.by,
    slowest: options.slowest === undefined ? undefined : parseSlowest(options.slowest),
    histogram,
    exact: options.exact === true,
    zone: { zone: zone.zone, setBy: zone.setBy },
  };
  return {
    ...latencySummaryOptions(spec),
    spec,
    percentiles,
    byName: options.by ?? null,
    histogram,
    accuracy: options.exact ? 'exact' : 'ddsketch 1%',
    thresholds: parseThresholds(options.failOver ?? []),
    writer,
  };
}

function parseSlowest(text: string): number {
  return parseWholeNumber('--slowest', text, `a count from 1 to ${MAX_SLOWEST}`, 1, MAX_SLOWEST);
}
