import type { Command } from 'commander';
import { addLatencyOptions, type LatencyCommandOptions } from './options.js';
import { addLogOptions, SOURCES_HELP } from '../shared/logOptions.js';
import { addThreadsOption } from '../shared/threadsOption.js';

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
Exit: 0 values found, 1 none found or a --fail-over limit exceeded, 2 usage (also --exact past
its cap), 3 unreadable source.`;

export function registerLatency(program: Command): void {
  const command = program
    .command('latency')
    .description('percentiles of processing_time (or any duration) over whole log families')
    .argument('[sources...]', SOURCES_HELP);
  addThreadsOption(addLatencyOptions(addLogOptions(command)))
    .addHelpText('after', EXAMPLES)
    .action(async (args: string[], options: LatencyCommandOptions, command: Command) => {
      const { runLatency } = await import('./run.js');
      process.exitCode = await runLatency(args, options, command);
    });
}
