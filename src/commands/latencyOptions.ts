import { Option, type Command } from 'commander';
import { UsageError } from '../core/errors.js';
import { parseUnitOption } from '../operators/durationText.js';
import { compileDurationReader, type DurationReader } from '../operators/durationValues.js';
import { ExactQuantiles, ValueBudget } from '../operators/exactQuantiles.js';
import { groupKind, GROUP_NAMES, type GroupKind } from '../operators/latencyGroups.js';
import { LatencyStats } from '../operators/latencyStats.js';
import { parseThresholds, type Threshold } from '../operators/latencyThresholds.js';
import { LogBuckets } from '../operators/logBuckets.js';
import { DEFAULT_PERCENTILES, parsePercentiles, type Percentile } from '../operators/percentiles.js';
import { SketchQuantiles } from '../operators/sketchQuantiles.js';
import type { LogCommandOptions } from './logOptions.js';

export interface LatencyCommandOptions extends LogCommandOptions {
  pattern?: string;
  field?: string;
  unit: string;
  percentiles: string;
  by?: string;
  histogram?: boolean;
  slowest?: string;
  exact?: boolean;
  failOver?: string[];
  csv?: boolean;
  threads?: string;
}

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

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** Shared options whose meaning differs for a summary. */
const SUMMARY_DESCRIPTIONS: Readonly<Record<string, string>> = {
  '--json': 'the summary as one JSON object, durations in seconds',
  '--ndjson': 'one JSON object per table row (each --by group, then the total)',
  '--quiet': 'nothing on stderr but errors and --fail-over reasons',
};

export function addLatencyOptions(command: Command): Command {
  for (const option of command.options) {
    // --raw and --fields print records; latency prints a summary, so they are refused (and hidden).
    if (option.long === '--raw' || option.long === '--fields') option.hideHelp();
    option.description = SUMMARY_DESCRIPTIONS[option.long ?? ''] ?? option.description;
  }
  return command
    .option(
      '--pattern <regex>',
      'read this duration instead: a regex with (?<value>…) and optional (?<unit>…)',
    )
    .option('--field <name>', 'read this field: a --format attribute, or a key of a JSON message')
    .option('--unit <unit>', 'unit of numbers written without one: s, ms, us', 's')
    .option('--percentiles <list>', 'percentiles to report', DEFAULT_PERCENTILES)
    .option('--by <kind>', `one row per ${GROUP_NAMES.join(', ')} (path: of "POST /sms/webhook/ …")`)
    .option('--histogram', 'a bar chart of the durations on log-scale buckets')
    .option('--slowest <n>', 'the N slowest records with time, module and message')
    .option(
      '--exact',
      'keep every value and sort (at most 5,000,000 values, 40 MB) instead of the 1 % sketch',
    )
    .option(
      '--fail-over <stat=duration>',
      'exit 1 when exceeded: p95=2s, p99=500ms, max=10s (repeatable)',
      collect,
    )
    .addOption(new Option('--csv', 'the table as CSV, durations in seconds').conflicts(['json', 'ndjson']));
}

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
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > MAX_SLOWEST)
    throw new UsageError(`bad --slowest "${text}"; expected a count from 1 to ${MAX_SLOWEST}`);
  return n;
}
