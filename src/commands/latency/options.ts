import { Option, type Command } from 'commander';
import { GROUP_NAMES } from '../../operators/latencyGroups.js';
import { DEFAULT_PERCENTILES } from '../../operators/percentiles.js';
import type { LogCommandOptions } from '../shared/logOptions.js';

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
