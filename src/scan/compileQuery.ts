import { logZoneOf } from '../core/logZone.js';
import type { WallClockToEpoch } from '../core/timeZone.js';
import { buildRecordFilter, compileGrep, type RecordPredicate } from '../operators/recordFilter.js';
import type { QuerySpec } from './querySpec.js';

/** A QuerySpec with what the scan runs built from it: the same in every thread. */
export interface CompiledQuery extends QuerySpec {
  /** The plain data this was compiled from: what a shard's worker thread is sent. */
  readonly spec: QuerySpec;
  readonly wallClock: WallClockToEpoch;
  readonly filter: RecordPredicate;
}

/** Builds the predicate, regex and wall clock; reads no flag, variable or config (the spec holds them). */
export function compileQuery(spec: QuerySpec): CompiledQuery {
  const { levels, modules, pids, grep, since, until } = spec;
  const filter = buildRecordFilter({
    levels: levels && { exact: new Set(levels) },
    modules: modules && new Set(modules),
    grep: grep && compileGrep(grep.source, grep.ignoreCase),
    since,
    until,
    pids: pids && new Set(pids),
  });
  return { ...spec, spec, wallClock: logZoneOf(spec.zone).wallClock, filter };
}
