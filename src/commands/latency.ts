import type { Command } from 'commander';
import { ExitCode } from '../core/errors.js';
import { breaches } from '../operators/latencyThresholds.js';
import {
  LatencySummaryOperator,
  MAX_GROUPS,
  OTHER_GROUP,
  type LatencyResult,
} from '../operators/latencySummary.js';
import { humanDuration } from '../sinks/humanDuration.js';
import { REPORT_WRITERS, type ReportContext } from '../sinks/latencyReport.js';
import { Output } from '../sinks/output.js';
import { escapeToOneLine } from '../sinks/safeText.js';
import {
  addLatencyOptions,
  buildLatencyPlan,
  type LatencyCommandOptions,
  type LatencyPlan,
} from './latencyOptions.js';
import { addLogOptions, buildLogQuery, SOURCES_HELP, type LogQuery } from './logOptions.js';
import { reportScan } from './scanRecords.js';
import { addThreadsOption, parseThreads, scanSharded } from './shardedScan.js';

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
    .action(async (args: string[], options: LatencyCommandOptions) => {
      process.exitCode = await runLatency(args, options);
    });
}

async function runLatency(args: string[], options: LatencyCommandOptions): Promise<number> {
  const plan = buildLatencyPlan(options);
  const threads = parseThreads(options.threads);
  const query = await buildLogQuery(args, options, { follow: false });
  const operator = new LatencySummaryOperator(plan);
  const stats = await scanSharded(query, {
    job: 'latency',
    spec: options,
    operator,
    queryOptions: options,
    keyword: plan.reader.keyword,
    threads,
  });
  const result = operator.result(plan.percentiles);
  const output = new Output();
  output.write(REPORT_WRITERS[plan.writer](result, reportContext(plan, query)));
  await output.flush();
  reportScan(query, stats);
  if (!query.quiet) for (const line of notes(plan, result)) process.stderr.write(line + '\n');
  if (result.total.count === 0) return ExitCode.NoMatch;
  const exceeded = breaches(plan.thresholds, operator.totalStats);
  for (const { threshold, value } of exceeded)
    process.stderr.write(
      `smsmon: ${statName(threshold.stat)} ${humanDuration(value)} exceeds --fail-over ${threshold.text}\n`,
    );
  return exceeded.length > 0 ? ExitCode.NoMatch : ExitCode.Ok;
}

function reportContext(plan: LatencyPlan, query: LogQuery): ReportContext {
  return {
    by: plan.byName,
    accuracy: plan.accuracy,
    source: plan.reader.describe,
    percentileLabels: plan.percentiles.map((p) => p.label),
    histogram: plan.histogram,
    color: query.color,
    terminal: query.stdoutIsTerminal,
    columns: query.stdoutIsTerminal ? (process.stdout.columns ?? 80) : 80,
  };
}

/** Lines for stderr: garbage values, folded groups, nothing found. */
function notes(plan: LatencyPlan, result: LatencyResult): string[] {
  const lines: string[] = [];
  const what = plan.reader.describe;
  if (result.garbage > 0) {
    const first = result.firstGarbage!;
    const records = result.garbage === 1 ? 'record has' : 'records have';
    lines.push(
      `smsmon: ${result.garbage.toLocaleString('en-US')} ${records} a ${what} that is not a duration, ` +
        `first ${first.file}:${first.line}: ${escapeToOneLine(first.text)}`,
    );
  }
  if (result.foldedGroups)
    lines.push(
      `smsmon: more than ${MAX_GROUPS} distinct --by ${plan.byName} keys; the rest are counted in ${OTHER_GROUP}`,
    );
  if (result.total.count === 0) lines.push(`smsmon: no ${what} value found in the matching records`);
  return lines;
}

function statName(stat: LatencyPlan['thresholds'][number]['stat']): string {
  return typeof stat === 'string' ? stat : stat.label;
}
