import type { SourceProblem } from '../core/sourceProblem.js';
import type { LatencyResult } from '../operators/latencySummary.js';
import type { LatencySummary } from '../operators/latencyStats.js';
import { toCsv } from './csv.js';
import { renderHistogram } from './histogram.js';
import { humanDuration } from './humanDuration.js';
import { hourColumn } from './hourColumn.js';
import { escapeToOneLine } from './safeText.js';
import type { ColumnFit, TableWidth } from './fitTable.js';
import { renderTable, type Align } from './table.js';

export interface ReportContext {
  /** --by kind ('module', 'hour', 'path'), null without --by. */
  by: string | null;
  /** The zone the log's times were read in (undefined: this machine's): the table's hours are its. */
  zone: string | undefined;
  /** 'ddsketch 1%' or 'exact'. */
  accuracy: string;
  /** What was read: 'processing_time', a pattern, a field. */
  source: string;
  percentileLabels: readonly string[];
  histogram: boolean;
  color: boolean;
  terminal: boolean;
  columns: number;
  /** The room for the tables (--width, --wide, the terminal's). */
  width: TableWidth;
  /** Files skipped or read only in part (JSON: `unreadable`, present when there are any). */
  unreadable: readonly SourceProblem[];
}

export type ReportWriter = (result: LatencyResult, context: ReportContext) => string;

/** The total row's name in tables and CSV (null in JSON). */
export const ALL_GROUP = '(all)';
/** A message in the --slowest table is cut here with room to spare (not with --wide); --json has it whole. */
const MESSAGE_MAX = 100;
/** The --by group gives way (its middle: a path's start and end tell most); the figures never do. */
const GROUP_FIT: ColumnFit = { priority: 1, cut: 'middle', min: 12 };

/**
 * When even so the table does not fit, figures are left out: min, then mean, then the percentiles
 * from the lowest; the count and max stay.
 */
function statFits(context: ReportContext): ColumnFit[] {
  const optional = (priority: number): ColumnFit => ({ priority, dropBelow: 0 });
  return [{}, optional(0), optional(1), ...context.percentileLabels.map((_, i) => optional(2 + i)), {}];
}
/** --slowest: the message gives way first, then the module's middle; the time goes when that is not enough. */
const SLOWEST_FITS: readonly ColumnFit[] = [
  {},
  { dropBelow: 0 },
  { priority: 1, cut: 'middle', min: 12 },
  { priority: 0, cut: 'end', min: 16, max: MESSAGE_MAX },
];

/** Output formats by name: adding one is adding an entry. */
export const REPORT_WRITERS: Readonly<Record<'text' | 'json' | 'ndjson' | 'csv', ReportWriter>> = {
  text: textReport,
  json: (result, context) => JSON.stringify(jsonReport(result, context), null, 2) + '\n',
  ndjson: (result, context) =>
    rowsOf(result)
      .map(([group, s]) => JSON.stringify(jsonRow(context, group, s)) + '\n')
      .join(''),
  csv: (result, context) =>
    toCsv(
      [...(context.by ? [context.by] : []), ...statColumns(context)],
      rowsOf(result).map(([group, s]) => [
        ...(context.by ? [group ?? ALL_GROUP] : []),
        s.count,
        s.min,
        s.mean,
        ...s.percentiles.map((p) => p.value),
        s.max,
      ]),
      { terminal: context.terminal },
    ),
};

function textReport(result: LatencyResult, context: ReportContext): string {
  const rowList = rowsOf(result);
  const hours =
    context.by === 'hour'
      ? hourColumn(
          context.zone,
          rowList.map(([group]) => group ?? ''),
        )
      : undefined;
  const keyCell = (group: string | null) => (group === null ? ALL_GROUP : (hours?.cell(group) ?? group));
  const head = [...(context.by ? [hours?.head ?? context.by] : []), ...statColumns(context)];
  const rows = rowList.map(([group, s]) => [
    ...(context.by ? [escapeToOneLine(keyCell(group))] : []),
    s.count.toLocaleString('en-US'),
    ...[s.min, s.mean, ...s.percentiles.map((p) => p.value), s.max].map(humanDuration),
  ]);
  const align: Align[] = head.map((_, i) => (context.by && i === 0 ? 'left' : 'right'));
  const fit = [...(context.by ? [GROUP_FIT] : []), ...statFits(context)];
  let out = renderTable({ head, rows, align, color: context.color, fit, width: context.width });
  const how = context.accuracy === 'exact' ? 'exact' : 'DDSketch, within 1 % of the exact value';
  out += `${context.source} · percentiles by nearest rank (${how})\n`;
  if (context.histogram)
    out += '\n' + renderHistogram(result.histogram, { width: context.columns, terminal: context.terminal });
  if (result.slowest) {
    out +=
      '\n' +
      renderTable({
        head: ['duration', 'time', 'module', 'message'],
        rows: result.slowest.map((r) => [
          humanDuration(r.seconds),
          escapeToOneLine(r.timeText),
          escapeToOneLine(r.module),
          escapeToOneLine(r.message),
        ]),
        align: ['right', 'left', 'left', 'left'],
        color: context.color,
        fit: SLOWEST_FITS,
        width: context.width,
      });
  }
  return out;
}

function jsonReport(result: LatencyResult, context: ReportContext): Record<string, unknown> {
  const report: Record<string, unknown> = {
    unit: 'seconds',
    source: context.source,
    accuracy: context.accuracy,
    percentile_definition: 'nearest-rank',
    ...statsJson(result.total),
    garbage: result.garbage,
  };
  if (context.by) {
    report.by = context.by;
    report.groups = result.groups!.map((g) => ({ group: g.key, ...statsJson(g.summary) }));
  }
  if (context.histogram) report.histogram = result.histogram;
  if (context.unreadable.length > 0) report.unreadable = context.unreadable;
  if (result.slowest)
    report.slowest = result.slowest.map((r) => ({
      seconds: r.seconds,
      time: r.time === null ? null : new Date(r.time).toISOString(),
      time_text: r.timeText,
      module: r.module,
      file: r.file,
      line: r.line,
      message: r.message,
    }));
  return report;
}

function jsonRow(
  context: ReportContext,
  group: string | null,
  summary: LatencySummary,
): Record<string, unknown> {
  return { by: context.by, group, ...statsJson(summary) };
}

function statsJson(s: LatencySummary): Record<string, unknown> {
  return {
    count: s.count,
    min: s.min,
    mean: s.mean,
    max: s.max,
    percentiles: Object.fromEntries(s.percentiles.map((p) => [p.label, p.value])),
  };
}

/** Table rows: each group, then the total (group null); without --by the total alone. */
function rowsOf(result: LatencyResult): Array<[string | null, LatencySummary]> {
  const groups = (result.groups ?? []).map((g): [string | null, LatencySummary] => [g.key, g.summary]);
  return [...groups, [null, result.total]];
}

function statColumns(context: ReportContext): string[] {
  return ['count', 'min', 'mean', ...context.percentileLabels, 'max'];
}
