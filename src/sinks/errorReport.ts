import type { SourceProblem } from '../core/sourceProblem.js';
import type { ErrorGroup } from '../operators/errorGroups.js';
import { toCsv } from './csv.js';
import { hourColumn } from './hourColumn.js';
import { escapeToOneLine } from './safeText.js';
import type { ColumnFit, TableWidth } from './fitTable.js';
import { renderTable } from './table.js';

/** Everything `errors count` prints, in every format. */
export interface ErrorReport {
  by: readonly string[];
  /** The zone the log's times were read in (undefined: this machine's): the table's hours are its. */
  zone: string | undefined;
  total: number;
  /** Of `total`, records whose header looks forged (still counted: a forgery cannot be proven). */
  suspect: number;
  since: number | null;
  until: number | null;
  /** --compare: the previous window of the same length. */
  compare: { window: string; since: number; until: number; total: number } | null;
  groups: readonly ErrorGroup[];
  /** Groups left out by --top. */
  moreGroups: number;
  /** Files skipped or read only in part (JSON: `unreadable`, present when there are any). */
  unreadable: readonly SourceProblem[];
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());
const share = (count: number, total: number): number =>
  total === 0 ? 0 : Math.round((10000 * count) / total) / 100;

/** The JSON of one group: its key fields by name, then the counts (README documents the shape). */
function groupJson(report: ErrorReport, group: ErrorGroup): Record<string, unknown> {
  const json: Record<string, unknown> = {};
  report.by.forEach((key, i) => (json[key] = group.keys[i]));
  json.count = group.count;
  json.share = share(group.count, report.total);
  if (report.compare) {
    json.previous = group.previous;
    json.change = group.count - group.previous;
    json.new = group.previous === 0 && group.count > 0;
  }
  json.first_seen = iso(group.first?.time ?? null);
  json.last_seen = iso(group.last?.time ?? null);
  json.sample = group.sample;
  return json;
}

export function errorReportJson(report: ErrorReport): string {
  const document = {
    total: report.total,
    suspect: report.suspect,
    by: report.by,
    since: iso(report.since),
    until: iso(report.until),
    ...(report.compare && {
      compare: {
        window: report.compare.window,
        since: iso(report.compare.since),
        until: iso(report.compare.until),
        total: report.compare.total,
      },
    }),
    groups: report.groups.map((g) => groupJson(report, g)),
    more_groups: report.moreGroups,
    ...(report.unreadable.length > 0 && { unreadable: report.unreadable }),
  };
  return JSON.stringify(document, null, 2) + '\n';
}

export function errorReportNdjson(report: ErrorReport): string {
  return report.groups.map((g) => JSON.stringify(groupJson(report, g)) + '\n').join('');
}

function columns(report: ErrorReport): string[] {
  const head = [...report.by, 'count', 'share'];
  if (report.compare) head.push('previous', 'change', 'new');
  return [...head, 'first_seen', 'last_seen', 'sample'];
}

function rowValues(report: ErrorReport, group: ErrorGroup): Array<string | number | null> {
  const json = groupJson(report, group);
  return columns(report).map((name) => {
    const value = json[name];
    return typeof value === 'boolean' ? (value ? 'new' : '') : (value as string | number | null);
  });
}

export function errorReportCsv(report: ErrorReport, terminal: boolean): string {
  return toCsv(
    columns(report),
    report.groups.map((g) => rowValues(report, g)),
    { terminal },
  );
}

/** Narrower than this, the table leaves out the first and last seen times rather than cut the type. */
const TIMES_WIDTH = 100;
/** Samples are cut here with room to spare (not with --wide); --json has them whole. */
const SAMPLE_MAX = 60;

/** Cut first; left out when the table does not fit with every column at its minimum. */
const SAMPLE_FIT: ColumnFit = { priority: 0, cut: 'end', min: 16, max: SAMPLE_MAX, dropBelow: 0 };

/** How each column gives way: the sample first, then the times go, then the middle of a type. */
function columnFits(report: ErrorReport): ColumnFit[] {
  const keys = report.by.map((key): ColumnFit => KEY_FITS[key] ?? {});
  const counts = Array.from({ length: report.compare ? 5 : 2 }, (): ColumnFit => ({}));
  // When one time has room, it is the last seen: the first goes first.
  const firstSeen: ColumnFit = { priority: 1, dropBelow: TIMES_WIDTH };
  const lastSeen: ColumnFit = { priority: 2, dropBelow: TIMES_WIDTH };
  return [...keys, ...counts, firstSeen, lastSeen, SAMPLE_FIT];
}

const KEY_FITS: Readonly<Record<string, ColumnFit>> = {
  type: { priority: 3, cut: 'middle', min: 16 },
  template: { priority: 3, cut: 'end', min: 16 },
  module: { priority: 3, cut: 'middle', min: 12 },
};

/** The terminal table: times as written in the log, samples on one escaped line. */
export function errorReportText(report: ErrorReport, color: boolean, width: TableWidth): string {
  if (report.total === 0 && (!report.compare || report.compare.total === 0)) return 'no errors\n';
  const hourAt = report.by.indexOf('hour');
  // Only with --by hour: reading a zone's clock starts ICU's calendar, milliseconds at start-up.
  const hours =
    hourAt < 0
      ? undefined
      : hourColumn(
          report.zone,
          report.groups.map((group) => group.keys[hourAt] ?? ''),
        );
  const keyCell = (key: string, i: number) => escapeToOneLine(hours && i === hourAt ? hours.cell(key) : key);
  const rows = report.groups.map((group) => {
    const cells: Array<string | number> = [
      ...group.keys.map(keyCell),
      group.count,
      `${share(group.count, report.total).toFixed(1)}%`,
    ];
    if (report.compare) {
      const change = group.count - group.previous;
      cells.push(
        group.previous,
        change > 0 ? `+${change}` : String(change),
        group.previous === 0 && group.count > 0 ? 'NEW' : '',
      );
    }
    cells.push(
      escapeToOneLine(group.first?.timeText ?? '-'),
      escapeToOneLine(group.last?.timeText ?? '-'),
      escapeToOneLine(group.sample),
    );
    return cells;
  });
  const head = columns(report).map((c, i) => (hours && i === hourAt ? hours.head : c.replace('_', ' ')));
  const align = head.map(
    (_, i) =>
      (i >= report.by.length && i < report.by.length + (report.compare ? 5 : 2) ? 'right' : 'left') as
        'left' | 'right',
  );
  let text = renderTable({ head, rows, align, color, fit: columnFits(report), width });
  const previous = report.compare ? `, ${report.compare.total} in the previous ${report.compare.window}` : '';
  text += `${report.total} ${report.total === 1 ? 'error' : 'errors'}${previous}`;
  if (report.suspect > 0)
    text += `, ${report.suspect} of them ${report.suspect === 1 ? 'looks' : 'look'} injected`;
  text += report.moreGroups > 0 ? ` (${report.moreGroups} more groups not shown, see --top)\n` : '\n';
  return text;
}
