import type { Command } from 'commander';
import { ExitCode } from '../../../core/errors.js';
import type { WallClockToEpoch } from '../../../core/timeZone.js';
import { parseDuration } from '../../../core/duration.js';
import { currentTime, parseTimeSpec } from '../../../core/timeSpec.js';
import { ErrorCountOperator, type ErrorCountSpec } from '../../../operators/errorCountOperator.js';
import { parseGroupKeys } from '../../../operators/errorGroups.js';
import { Output } from '../../../sinks/output.js';
import {
  errorReportCsv,
  errorReportJson,
  errorReportNdjson,
  errorReportText,
  type ErrorReport,
} from '../../../sinks/errorReport.js';
import type { ErrorsCountOptions } from './options.js';
import { buildLogQuery } from '../../shared/logQuery.js';
import { logPlaceFor } from '../../shared/logPlace.js';
import { reportScan, scanExitCode } from '../../../scan/scanRecords.js';
import { scanSharded } from '../../../scan/shardedScan.js';
import { parseThreads } from '../../shared/threadsOption.js';
import { warnOfZoneAfter } from '../../../scan/zoneWarning.js';
import { writeNotice } from '../../../sinks/notice.js';
import { parseWholeNumber } from '../../shared/wholeNumber.js';
import { resultStream } from '../../shared/quiet.js';
import { tableWidthOf } from '../../shared/tableWidth.js';

export async function runErrorsCount(
  args: string[],
  options: ErrorsCountOptions,
  command: Command,
): Promise<number> {
  const by = parseGroupKeys(options.by);
  const top = options.top === undefined ? Infinity : parseCount('--top', options.top);
  const failOver = options.failOver === undefined ? undefined : parseCount('--fail-over', options.failOver);
  const place = await logPlaceFor(command, options);
  const window = compareWindow(options, place.zone.wallClock);
  const threads = parseThreads(options.threads);
  const width = tableWidthOf(options);
  const queryOptions = {
    ...options,
    level: options.level ?? 'ERROR+',
    since: window ? new Date(window.previousSince).toISOString() : options.since,
  };
  const query = await buildLogQuery(args.length > 0 ? args : ['errors'], queryOptions, {
    follow: false,
    place,
  });
  const spec: ErrorCountSpec = {
    by,
    qualified: options.qualified === true,
    collectTypes: !!options.failOn,
    window,
    zone: { zone: place.zone.zone, setBy: place.zone.setBy },
  };
  const operator = new ErrorCountOperator(spec);
  const { counter, typesSeen } = operator;
  const stats = await scanSharded(query, { job: 'errors-count', spec, operator, threads });
  const groups = counter.sorted();
  const report: ErrorReport = {
    by,
    zone: place.zone.zone,
    total: counter.total,
    suspect: operator.suspect,
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
    unreadable: stats.unreadable,
  };
  const output = new Output(resultStream(options));
  if (options.json) output.write(errorReportJson(report));
  else if (options.ndjson) output.write(errorReportNdjson(report));
  else if (options.csv) output.write(errorReportCsv(report, query.stdoutIsTerminal));
  else output.write(errorReportText(report, query.color, width));
  await output.flush();
  reportScan(query, stats);
  // --compare without --since is a window back from now, though handed on as an ISO time.
  await warnOfZoneAfter(
    query,
    stats.matched,
    query.relative || (window !== null && options.since === undefined),
  );
  return scanExitCode(stats, verdict(report.total, failOver, options.failOn ?? [], typesSeen));
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
  writeNotice(reasons.join('; '));
  return ExitCode.NoMatch;
}

/** --compare: the current window is --since..--until (default: the last DURATION), then the one before. */
function compareWindow(
  options: ErrorsCountOptions,
  wallClock: WallClockToEpoch,
): { since: number; until: number; previousSince: number } | null {
  if (options.compare === undefined) return null;
  const length = parseDuration('--compare', options.compare);
  const now = currentTime();
  const until = options.until === undefined ? now : parseTimeSpec('--until', options.until, now, wallClock);
  const since =
    options.since === undefined ? until - length : parseTimeSpec('--since', options.since, now, wallClock);
  return { since, until, previousSince: since - length };
}

function parseCount(option: string, text: string): number {
  return parseWholeNumber(option, text, 'a whole number such as 10');
}
