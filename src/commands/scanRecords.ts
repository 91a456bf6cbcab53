import type { LogRecord } from '../core/record.js';
import { mergeByTime } from '../operators/mergeByTime.js';
import { ScanStats } from '../operators/scanStats.js';
import { recordsOfInput } from '../parsers/inputRecords.js';
import { sizeOnDisk } from '../sources/logSource.js';
import { Progress } from '../sinks/progress.js';
import { scanSummaryLine } from '../sinks/scanSummary.js';
import type { LogQuery } from './logOptions.js';

export interface ScanOptions {
  /** Show progress on a terminal's stderr: aggregate commands print nothing until the end. */
  progress: boolean;
  /** Only records whose text contains this are wanted (others may be skipped unread). */
  keyword?: string;
  /** Receives matching records in time order, a batch at a time; return false to stop early. */
  visit: (records: readonly LogRecord[]) => boolean | void | Promise<boolean | void>;
}

/**
 * The source → parser → filter part of every log command: reads every input (merged by time),
 * counts what was scanned, applies the query's filter and hands matches to `visit`.
 * Stats are returned; `reportScan` prints their one-line summary.
 */
export async function scanRecords(query: LogQuery, options: ScanOptions): Promise<ScanStats> {
  const stats = new ScanStats();
  const showProgress = options.progress && Progress.wanted(query.quiet, false);
  const progress = new Progress(
    showProgress ? await sizeOnDisk(query.inputs.flatMap((i) => i.sources)) : 0,
    showProgress,
  );
  const parseOptions = {
    formatOverride: query.formatOverride,
    wallClock: query.wallClock,
    levels: query.levels,
    keyword: options.keyword,
    onBytes: (bytes: number) => progress.add(bytes),
    onSource: (source: { path: string }) => progress.source(source.path),
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
    progress.stop();
  }
  return stats;
}

/** Prints the recovered/unparsed summary on stderr unless --quiet. */
export function reportScan(query: LogQuery, stats: ScanStats): void {
  const summary = query.quiet ? null : scanSummaryLine(stats);
  if (summary) process.stderr.write(summary + '\n');
}
