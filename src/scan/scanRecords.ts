import type { KeywordValues } from '../core/keywordValues.js';
import type { LogRecord } from '../core/record.js';
import { ACCEPT_ALL } from '../operators/recordFilter.js';
import { mergeByTime } from '../operators/mergeByTime.js';
import { ScanStats } from '../operators/scanStats.js';
import { recordsOfInput } from './readers/inputRecords.js';
import { sizeOnDisk } from '../sources/logSource.js';
import { Progress } from '../sinks/progress.js';
import { liveStatusWanted } from '../sinks/liveStatus.js';
import { scanSummaryLine, unreadableLines } from '../sinks/scanSummary.js';
import { ExitCode } from '../core/errors.js';
import type { CompiledQuery } from './compileQuery.js';

export interface ScanOptions {
  /**
   * Show progress on a terminal's stderr: aggregate commands print nothing until the end.
   * A Progress given here is fed and left running (a sharded scan shares one across threads).
   */
  progress: boolean | Progress;
  /** Only records whose text contains this are wanted (others may be skipped unread). */
  keyword?: string;
  /**
   * With `keyword`, for an operator that only wants the value after it: records it would only
   * read that value from may come as values pushed here instead (when the query has no filter
   * and one input, so no record is filtered out or merged with another input's).
   */
  values?: KeywordValues;
  /** False when no output shows records' line numbers: a seek need not count the lines it skips. */
  lineNumbers?: boolean;
  /** Told of every chunk read, besides the progress display. */
  onBytes?: (bytes: number) => void;
  /** Receives matching records in time order, a batch at a time; return false to stop early. */
  visit: (records: readonly LogRecord[]) => boolean | void | Promise<boolean | void>;
}

/**
 * The source → parser → filter part of every log command: reads every input (merged by time),
 * counts what was scanned, applies the query's filter and hands matches to `visit`.
 * Stats are returned; `reportScan` prints their one-line summary.
 */
export async function scanRecords(query: CompiledQuery, options: ScanOptions): Promise<ScanStats> {
  const stats = new ScanStats();
  const shared = options.progress instanceof Progress ? options.progress : null;
  const progress = shared ?? (await progressFor(query, options.progress === true));
  const parseOptions = {
    formatOverride: query.formatOverride,
    wallClock: query.wallClock,
    levels: query.levels,
    modules: query.modules,
    keyword: options.keyword,
    grep: query.grep,
    window: query.since === undefined && query.until === undefined ? undefined : query,
    lineNumbers: options.lineNumbers,
    keywordValues: valueLane(query, options, stats),
    onBytes: (bytes: number) => {
      progress.add(bytes);
      options.onBytes?.(bytes);
    },
    onSource: (source: { path: string }) => progress.source(source.path),
    onProblem: stats.noteUnreadable,
  };
  try {
    const streams = query.inputs.map((input) => recordsOfInput(input, parseOptions));
    for await (const batch of mergeByTime(streams)) {
      const matched: LogRecord[] = [];
      for (const record of batch) {
        stats.see(record);
        if (query.filter(record)) matched.push(record);
      }
      stats.matched += matched.length;
      if (matched.length > 0 && (await options.visit(matched)) === false) break;
    }
  } finally {
    if (!shared) progress.stop();
  }
  return stats;
}

/** The scan's KeywordValues, counting each value as a record seen and matched; undefined when not allowed. */
function valueLane(query: CompiledQuery, options: ScanOptions, stats: ScanStats): KeywordValues | undefined {
  const { values } = options;
  if (!values || options.keyword !== values.keyword) return undefined;
  if (query.inputs.length !== 1 || query.filter !== ACCEPT_ALL) return undefined;
  return {
    keyword: values.keyword,
    valueAt: (bytes, from, at) => values.valueAt(bytes, from, at),
    push: (value) => {
      stats.records++;
      stats.matched++;
      values.push(value);
    },
  };
}

/** A progress display over every input of the query, shown on a terminal's stderr only. */
export async function progressFor(query: CompiledQuery, wanted: boolean): Promise<Progress> {
  const show = wanted && liveStatusWanted(query.quiet);
  return new Progress(show ? await sizeOnDisk(query.inputs.flatMap((i) => i.sources)) : 0, show);
}

/** Prints on stderr the files that could not be read whole, then the recovered/unparsed summary. */
export function reportScan(query: CompiledQuery, stats: ScanStats): void {
  reportUnreadable(stats);
  reportSummary(query, stats);
}

/** One line per file skipped or read only in part; printed with --quiet too, as errors are. */
export function reportUnreadable(stats: ScanStats): void {
  for (const line of unreadableLines(stats.unreadable)) process.stderr.write(line + '\n');
}

/** The recovered/unparsed summary, unless --quiet. */
export function reportSummary(query: CompiledQuery, stats: ScanStats): void {
  const summary = query.quiet ? null : scanSummaryLine(stats);
  if (summary) process.stderr.write(summary + '\n');
}

/** The command's own exit code, unless a file could not be read whole: 3, as for any unreadable source. */
export function scanExitCode(stats: ScanStats, code: number): number {
  return stats.unreadable.length > 0 ? ExitCode.SourceUnreadable : code;
}
