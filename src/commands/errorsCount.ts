import type { Command } from 'commander';
import { ExitCode, UsageError } from '../core/errors.js';
import { wallClockIn } from '../core/timeZone.js';
import { currentTime, parseDuration, parseTimeSpec } from '../core/timeSpec.js';
import { ErrorCountOperator, type ErrorCountSpec } from '../operators/errorCountOperator.js';
import { parseGroupKeys } from '../operators/errorGroups.js';
import { Output } from '../sinks/output.js';
import {
  errorReportCsv,
  errorReportJson,
  errorReportNdjson,
  errorReportText,
  type ErrorReport,
} from '../sinks/errorReport.js';
import { addLogOptions, buildLogQuery, SOURCES_HELP, type LogCommandOptions } from './logOptions.js';
import { reportScan } from './scanRecords.js';
import { addThreadsOption, parseThreads, scanSharded } from './shardedScan.js';

interface ErrorsCountOptions extends LogCommandOptions {
  by: string;
  qualified?: boolean;
  top?: string;
  compare?: string;
  failOver?: string;
  failOn?: string[];
  csv?: boolean;
  threads?: string;
}

const EXAMPLES = `
Examples:
  $ smsmon errors count                               # error types in errors.log and its rotated files
  $ smsmon errors count --since 1d --compare 1d       # today against yesterday; NEW marks new types
  $ smsmon errors count --by type,hour --since 6h
  $ smsmon errors count --by template --top 20 --csv > templates.csv
  $ smsmon errors count --since 1h --fail-over 50 --fail-on RateLimitError --quiet   # cron / CI

A type is the class of the final exception of a record's traceback (chained exceptions count as
the last one raised), else "module: message template" with ids, numbers, phones, emails, UUIDs,
hex, durations, IPs and quoted values masked. The default source is the errors family: errors.log
already holds every ERROR and CRITICAL record, so adding app would count each of them twice.
Only ERROR and CRITICAL records count unless --level says otherwise.
Exit: 0 counted (also when there are none), 1 over --fail-over or a --fail-on type seen,
2 usage, 3 unreadable source.`;

export function registerErrorsCount(errors: Command): void {
  const command = errors
    .command('count')
    .description('count error types (exception class or message template), not raw lines')
    .argument('[sources...]', SOURCES_HELP.replace('(default: app)', '(default: errors)'))
    .option(
      '--by <keys>',
      'group by type, template, module, level, hour, day, pid; several with commas',
      'type',
    )
    .option('--qualified', 'exception classes with their module: openai.RateLimitError')
    .option('--top <n>', 'only the N largest groups')
    .option(
      '--compare <duration>',
      'also count the previous window of this length (1h, 1d) and mark new types',
    )
    .option('--fail-over <n>', 'exit 1 when more than N errors were counted')
    .option('--fail-on <type>', 'exit 1 when this error type occurs (repeatable)', (v, p: string[] = []) => [
      ...p,
      v,
    ]);
  addThreadsOption(addLogOptions(command, { records: false }))
    .addHelpText('after', EXAMPLES)
    .action(async (args: string[], options: ErrorsCountOptions) => {
      process.exitCode = await runErrorsCount(args, options);
    });
}

async function runErrorsCount(args: string[], options: ErrorsCountOptions): Promise<number> {
  const by = parseGroupKeys(options.by);
  const top = options.top === undefined ? Infinity : parseCount('--top', options.top);
  const failOver = options.failOver === undefined ? undefined : parseCount('--fail-over', options.failOver);
  const window = compareWindow(options);
  const threads = parseThreads(options.threads);
  const queryOptions = {
    ...options,
    level: options.level ?? 'ERROR+',
    since: window ? new Date(window.previousSince).toISOString() : options.since,
  };
  const query = await buildLogQuery(args.length > 0 ? args : ['errors'], queryOptions, { follow: false });
  const spec: ErrorCountSpec = {
    by,
    qualified: options.qualified === true,
    collectTypes: !!options.failOn,
    window,
  };
  const operator = new ErrorCountOperator(spec);
  const { counter, typesSeen } = operator;
  const stats = await scanSharded(query, { job: 'errors-count', spec, operator, queryOptions, threads });
  const groups = counter.sorted();
  const report: ErrorReport = {
    by,
    total: counter.total,
    since: window?.since ?? query.since ?? null,
    until: window?.until ?? query.until ?? null,
    compare: window && {
      window: options.compare!,
      since: window.previousSince,
      until: window.since,
      total: counter.previousTotal,
    },
    groups: groups.slice(0, top),
    moreGroups: Math.max(0, groups.length - top),
  };
  const output = new Output();
  if (options.json) output.write(errorReportJson(report));
  else if (options.ndjson) output.write(errorReportNdjson(report));
  else if (options.csv) output.write(errorReportCsv(report));
  else output.write(errorReportText(report, query.color, process.stdout.columns ?? 120));
  await output.flush();
  reportScan(query, stats);
  return verdict(report.total, failOver, options.failOn ?? [], typesSeen);
}

function verdict(
  total: number,
  failOver: number | undefined,
  failOn: readonly string[],
  seen: Set<string>,
): number {
  const reasons: string[] = [];
  if (failOver !== undefined && total > failOver)
    reasons.push(`${total} errors, over --fail-over ${failOver}`);
  for (const type of failOn) if (seen.has(type)) reasons.push(`${type} occurred (--fail-on)`);
  if (reasons.length === 0) return ExitCode.Ok;
  process.stderr.write(`smsmon: ${reasons.join('; ')}\n`);
  return ExitCode.NoMatch;
}

/** --compare: the current window is --since..--until (default: the last DURATION), then the one before. */
function compareWindow(
  options: ErrorsCountOptions,
): { since: number; until: number; previousSince: number } | null {
  if (options.compare === undefined) return null;
  const length = parseDuration('--compare', options.compare);
  const now = currentTime();
  const wallClock = wallClockIn(options.tz);
  const until = options.until === undefined ? now : parseTimeSpec('--until', options.until, now, wallClock);
  const since =
    options.since === undefined ? until - length : parseTimeSpec('--since', options.since, now, wallClock);
  return { since, until, previousSince: since - length };
}

function parseCount(option: string, text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0)
    throw new UsageError(`bad ${option} "${text}"; expected a whole number such as 10`);
  return n;
}
