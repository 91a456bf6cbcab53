import type { KeywordValues } from '../core/keywordValues.js';
import type { LogRecord } from '../core/record.js';
import type { Bucket } from './logBuckets.js';
import { GARBAGE, type DurationReader } from './durationValues.js';
import { NO_KEY, type GroupKind } from './latencyGroups.js';
import type { LatencyStats, LatencyStatsState, LatencySummary } from './latencyStats.js';
import type { Percentile } from './percentiles.js';
import { SlowestRecords, type SlowRecord } from './slowestRecords.js';

/** More distinct --by keys than this (paths with ids in them) are folded into one group. */
export const MAX_GROUPS = 1000;
export const OTHER_GROUP = '(other)';

export interface LatencySummaryOptions {
  reader: DurationReader;
  newStats: () => LatencyStats;
  by?: GroupKind;
  slowest?: number;
}

export interface LatencyResult {
  total: LatencySummary;
  groups: Array<{ key: string; summary: LatencySummary }> | null;
  histogram: Bucket[];
  slowest: SlowRecord[] | null;
  /** Records where a value was written but is not a duration, and the first of them. */
  garbage: number;
  firstGarbage: { file: string; line: number; text: string } | null;
  /** There were more than MAX_GROUPS distinct --by keys: the rest are counted in OTHER_GROUP. */
  foldedGroups: boolean;
}

/** The operator as plain data, for a worker thread to post. */
export interface LatencySummaryState {
  total: LatencyStatsState;
  groups: Array<[string, LatencyStatsState]>;
  slowest: SlowRecord[] | null;
  garbage: number;
  firstGarbage: LatencyResult['firstGarbage'];
}

/**
 * The latency operator: reads each record's duration and feeds it to the stats of its group,
 * the slowest-N heap and the garbage count. The total of grouped values is the merge of the
 * groups' stores, so no value is kept twice.
 */
export class LatencySummaryOperator {
  private readonly total: LatencyStats;
  private readonly groups = new Map<string, LatencyStats>();
  private readonly slowest: SlowestRecords | null;
  private merged = false;
  private garbage = 0;
  private firstGarbage: LatencyResult['firstGarbage'] = null;

  constructor(private readonly options: LatencySummaryOptions) {
    this.total = options.newStats();
    this.slowest = options.slowest ? new SlowestRecords(options.slowest) : null;
  }

  push(records: readonly LogRecord[]): void {
    const { reader, by } = this.options;
    for (const record of records) {
      const seconds = reader.read(record);
      if (seconds === null) continue;
      if (seconds === GARBAGE) {
        this.garbage++;
        this.firstGarbage ??= { file: record.file, line: record.line, text: reader.garbageText };
        continue;
      }
      (by ? this.groupOf(by.key(record)) : this.total).push(seconds);
      this.slowest?.push(seconds, record);
    }
  }

  /**
   * Values the scan may push straight into the total instead of building records: only when
   * a record gives nothing but its value (no --by, no --slowest) and the reader can read one
   * from a line alone.
   */
  keywordValues(): KeywordValues | undefined {
    const { reader, by } = this.options;
    const { keyword } = reader;
    if (by || this.slowest || keyword === undefined || !reader.valueAt) return undefined;
    const total = this.total;
    return {
      keyword,
      valueAt: (bytes, from, at) => reader.valueAt!(bytes, from, at),
      push: (seconds) => total.push(seconds),
    };
  }

  exportState(): LatencySummaryState {
    return {
      total: this.total.exportState(),
      groups: [...this.groups].map(([key, stats]) => [key, stats.exportState()]),
      slowest: this.slowest?.sorted() ?? null,
      garbage: this.garbage,
      firstGarbage: this.firstGarbage,
    };
  }

  /**
   * Takes in the state of an operator of the same plan that read the records right after this
   * one's (the next shard of files): the result is the one a single pass would give.
   */
  mergeState(state: LatencySummaryState): void {
    this.total.mergeState(state.total);
    for (const [key, stats] of state.groups) this.groupOf(key).mergeState(stats);
    if (state.slowest) this.slowest?.pushSlow(state.slowest);
    this.garbage += state.garbage;
    this.firstGarbage ??= state.firstGarbage;
  }

  result(percentiles: readonly Percentile[]): LatencyResult {
    const { by } = this.options;
    let groups: LatencyResult['groups'] = null;
    if (by) {
      if (!this.merged) for (const stats of this.groups.values()) this.total.merge(stats);
      this.merged = true;
      const entries = [...this.groups].sort(([a, x], [b, y]) => {
        const last = Number(a === OTHER_GROUP || a === NO_KEY) - Number(b === OTHER_GROUP || b === NO_KEY);
        if (last !== 0) return last; // '-' and '(other)' after the named groups
        if (by.order === 'count' && x.count !== y.count) return y.count - x.count;
        return a < b ? -1 : a > b ? 1 : 0;
      });
      groups = entries.map(([key, stats]) => ({ key, summary: stats.summary(percentiles) }));
    }
    return {
      total: this.total.summary(percentiles),
      groups,
      histogram: this.total.histogram(),
      slowest: this.slowest?.sorted() ?? null,
      garbage: this.garbage,
      firstGarbage: this.firstGarbage,
      foldedGroups: this.groups.has(OTHER_GROUP),
    };
  }

  /** The stats behind a threshold check: the total, after result() merged the groups in. */
  get totalStats(): LatencyStats {
    return this.total;
  }

  private groupOf(key: string): LatencyStats {
    let stats = this.groups.get(key);
    if (stats) return stats;
    const folded = this.groups.size >= MAX_GROUPS;
    if (folded && (stats = this.groups.get(OTHER_GROUP))) return stats;
    stats = this.options.newStats();
    // A copy: the key may be a slice of a scan's chunk text, which it would keep alive.
    this.groups.set(folded ? OTHER_GROUP : Buffer.from(key, 'utf8').toString('utf8'), stats);
    return stats;
  }
}
