import { Option, type Command } from 'commander';
import { GROUP_NAMES } from '../../operators/latencyGroups.js';
import { DEFAULT_PERCENTILES } from '../../operators/percentiles.js';
import { UNIT_CHOICES } from '../../operators/durationText.js';
import { offerValues } from '../shared/offeredValues.js';
import { addLogOptions, sourcesArgument } from '../shared/logOptions.js';
import { addThreadsOption } from '../shared/threadsOption.js';
import { addTableWidthOptions } from '../shared/tableWidth.js';
import { reflowed } from '../shared/helpText.js';

const EXAMPLES = `
Examples:
  $ smsmon latency                                   # every processing_time of app.log*
  $ smsmon latency --by path --since 1h              # per request path, the last hour
  $ smsmon latency --histogram --slowest 5
  $ smsmon latency --pattern 'in (?<value>[\\d.]+)s' -m ai_service   # OpenAI reply times
  $ smsmon latency --percentiles 50,75,99.99 --exact --json
  $ smsmon latency -q --fail-over p95=2s --fail-over p99=5s   # cron/CI: exit 1 when slower

Values: by default every processing_time spelling in the message (processing_time=1.234,
processing_time: 0.53s, processing_time 812ms; units s, ms, us/µs; a bare number is seconds),
never in a traceback. A value that is not a number (processing_time=None) is counted as garbage
and reported on stderr.
Percentiles use the nearest-rank definition: the smallest value with at least p % of the values
at or below it (rank ⌈p/100·n⌉ of the sorted values). --exact computes it exactly by sorting every
value; by default a DDSketch gives it within 1 % in memory that does not grow with the input.
Durations are seconds in --json/--ndjson/--csv, human units (812µs, 53.0ms, 1.23s) in the table.
--fail-over limits apply to the total, as reported (so within 1 % unless --exact).
Exit: 0 values found, 1 a --fail-over limit exceeded, 5 no value found, 2 usage (also --exact past
its cap), 3 unreadable source.`;

export function defineLatency(latency: Command): Command {
  latency
    .description('percentiles of processing_time (or any duration) over whole log families')
    .addArgument(sourcesArgument());
  return addTableWidthOptions(addThreadsOption(addLatencyOptions(addLogOptions(latency)))).addHelpText(
    'after',
    reflowed(EXAMPLES),
  );
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** Shared options whose meaning differs for a summary. */
const SUMMARY_DESCRIPTIONS: Readonly<Record<string, string>> = {
  '--json': 'the summary as one JSON object, durations in seconds',
  '--ndjson': 'one JSON object per table row (each --by group, then the total)',
  '--quiet': 'nothing on stdout; on stderr only errors, --fail-over reasons and "no value found"',
};

function addLatencyOptions(command: Command): Command {
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
    .addOption(
      offerValues(
        new Option('--unit <unit>', `unit of numbers written without one: ${UNIT_CHOICES.join(', ')}`),
        {
          words: UNIT_CHOICES,
        },
      ).default('s'),
    )
    .option('--percentiles <list>', 'percentiles to report', DEFAULT_PERCENTILES)
    .addOption(
      offerValues(
        new Option('--by <kind>', `one row per ${GROUP_NAMES.join(', ')} (path: of "POST /sms/webhook/ …")`),
        { words: GROUP_NAMES },
      ),
    )
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
