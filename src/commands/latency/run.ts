import type { Command } from 'commander';
import { ExitCode } from '../../core/errors.js';
import type { ZoneChoice } from '../../core/logZone.js';
import { breaches } from '../../operators/latencyThresholds.js';
import {
  LatencySummaryOperator,
  MAX_GROUPS,
  OTHER_GROUP,
  type LatencyResult,
} from '../../operators/latencySummary.js';
import { humanDuration } from '../../sinks/humanDuration.js';
import { REPORT_WRITERS, type ReportContext } from '../../sinks/latencyReport.js';
import { Output } from '../../sinks/output.js';
import { escapeToOneLine } from '../../sinks/safeText.js';
import type { LatencyCommandOptions } from './options.js';
import { buildLatencyPlan, type LatencyPlan } from './plan.js';
import { buildLogQuery, type LogQuery } from '../shared/logQuery.js';
import { logPlaceFor } from '../shared/logPlace.js';
import type { ScanStats } from '../../operators/scanStats.js';
import { reportScan, scanExitCode } from '../../scan/scanRecords.js';
import { scanSharded } from '../../scan/shardedScan.js';
import { parseThreads } from '../shared/threadsOption.js';
import { warnOfZoneAfter } from '../../scan/zoneWarning.js';
import { resultStream } from '../shared/quiet.js';
import { tableWidthOf } from '../shared/tableWidth.js';
import type { TableWidth } from '../../sinks/fitTable.js';

export async function runLatency(
  args: string[],
  options: LatencyCommandOptions,
  command: Command,
): Promise<number> {
  const planFor = buildLatencyPlan(options);
  const width = tableWidthOf(options);
  const threads = parseThreads(options.threads);
  const place = await logPlaceFor(command, options);
  const plan = planFor(place.zone);
  const query = await buildLogQuery(args, options, { follow: false, place });
  const operator = new LatencySummaryOperator(plan);
  const stats = await scanSharded(query, {
    job: 'latency',
    spec: plan.spec,
    operator,
    keyword: plan.reader.keyword,
    threads,
  });
  const result = operator.result(plan.percentiles);
  const output = new Output(resultStream(query));
  output.write(REPORT_WRITERS[plan.writer](result, reportContext(plan, query, stats, place.zone, width)));
  await output.flush();
  reportScan(query, stats);
  await warnOfZoneAfter(query, stats.matched);
  // "Nothing found" explains the exit code: printed with --quiet too, as --fail-over reasons are.
  for (const line of notes(plan, result, query.quiet)) process.stderr.write(line + '\n');
  return scanExitCode(stats, verdict(plan, result, operator));
}

/** 5 when there is no value to measure, 1 when a --fail-over threshold is crossed (said on stderr), else 0. */
function verdict(plan: LatencyPlan, result: LatencyResult, operator: LatencySummaryOperator): number {
  if (result.total.count === 0) return ExitCode.NoValues;
  const exceeded = breaches(plan.thresholds, operator.totalStats);
  for (const { threshold, value } of exceeded)
    process.stderr.write(
      `smsmon: ${statName(threshold.stat)} ${humanDuration(value)} exceeds --fail-over ${threshold.text}\n`,
    );
  return exceeded.length > 0 ? ExitCode.NoMatch : ExitCode.Ok;
}

function reportContext(
  plan: LatencyPlan,
  query: LogQuery,
  stats: ScanStats,
  zone: ZoneChoice,
  width: TableWidth,
): ReportContext {
  return {
    zone: zone.zone,
    unreadable: stats.unreadable,
    by: plan.byName,
    accuracy: plan.accuracy,
    source: plan.reader.describe,
    percentileLabels: plan.percentiles.map((p) => p.label),
    histogram: plan.histogram,
    color: query.color,
    terminal: query.stdoutIsTerminal,
    columns: query.stdoutIsTerminal ? (process.stdout.columns ?? 80) : 80,
    width,
  };
}

/** Lines for stderr: garbage values, folded groups (not with --quiet), nothing found. */
function notes(plan: LatencyPlan, result: LatencyResult, quiet: boolean): string[] {
  const lines: string[] = [];
  const what = plan.reader.describe;
  if (result.garbage > 0 && !quiet) {
    const first = result.firstGarbage!;
    const records = result.garbage === 1 ? 'record has' : 'records have';
    lines.push(
      `smsmon: ${result.garbage.toLocaleString('en-US')} ${records} a ${what} that is not a duration, ` +
        `first ${escapeToOneLine(first.file)}:${first.line}: ${escapeToOneLine(first.text)}`,
    );
  }
  if (result.foldedGroups && !quiet)
    lines.push(
      `smsmon: more than ${MAX_GROUPS} distinct --by ${plan.byName} keys; the rest are counted in ${OTHER_GROUP}`,
    );
  if (result.total.count === 0) lines.push(`smsmon: no ${what} value found in the matching records`);
  return lines;
}

function statName(stat: LatencyPlan['thresholds'][number]['stat']): string {
  return typeof stat === 'string' ? stat : stat.label;
}
