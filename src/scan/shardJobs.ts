import type { KeywordValues } from '../core/keywordValues.js';
import type { LogRecord } from '../core/record.js';
import { ErrorCountOperator, type ErrorCountSpec } from '../operators/errorCountOperator.js';
import { latencySummaryOptions, type LatencySpec } from '../operators/latencySpec.js';
import { LatencySummaryOperator } from '../operators/latencySummary.js';
import type { QuerySpec } from './querySpec.js';

/** An operator whose work can be split by files and put back together (a monoid, in order). */
export interface MergeableOperator<State = unknown> {
  push(records: readonly LogRecord[]): void;
  exportState(): State;
  /** Takes in the state of the operator that read the records right after this one's. */
  mergeState(state: State): void;
  /** Values a keyword scan may push instead of records (ScanOptions.values). */
  keywordValues?(): KeywordValues | undefined;
}

/**
 * What a worker thread can be asked to build, by name: each entry turns a plain-data spec
 * (structured-cloned into the worker) into the same operator the command builds.
 */
export const SHARD_JOBS = {
  latency: (spec: LatencySpec) => new LatencySummaryOperator(latencySummaryOptions(spec)),
  'errors-count': (spec: ErrorCountSpec) => new ErrorCountOperator(spec),
} as const;

export type ShardJobName = keyof typeof SHARD_JOBS;

/** A job by name with the plain-data spec its operator is built from, in every thread. */
export type ShardJob = {
  [Name in ShardJobName]: { job: Name; spec: Parameters<(typeof SHARD_JOBS)[Name]>[0] };
}[ShardJobName];

/** Everything a worker needs to scan one shard: all of it plain data. */
export type ShardTask = ShardJob & {
  /** The command's query, its inputs narrowed to this shard's files. */
  query: QuerySpec;
  keyword?: string;
};

export function operatorFor({ job, spec }: ShardJob): MergeableOperator {
  return (SHARD_JOBS[job] as (spec: unknown) => MergeableOperator)(spec);
}
