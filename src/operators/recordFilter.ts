import { LEVEL_ALIASES, LEVELS, levelValue, type LogRecord } from '../core/record.js';
import { UsageError, unknownChoice } from '../core/errors.js';

/** Filters shared by every command, already validated and compiled. */
export interface RecordFilterSpec {
  /** Exact level names, or a minimum level value (from 'WARNING+'). */
  levels?: { exact: ReadonlySet<string> } | { atLeast: number };
  modules?: ReadonlySet<string>;
  grep?: RegExp;
  since?: number;
  until?: number;
  pids?: ReadonlySet<number>;
}

export type RecordPredicate = (record: LogRecord) => boolean;

/** The filter of a query without filters: scans may then skip building records they need not. */
export const ACCEPT_ALL: RecordPredicate = () => true;

/** Parses --level: 'ERROR', 'ERROR,CRITICAL' or 'WARNING+' (that level and above). */
export function parseLevelOption(text: string): NonNullable<RecordFilterSpec['levels']> {
  const choices = Object.keys(LEVELS);
  const trimmed = text.trim().toUpperCase();
  if (trimmed.endsWith('+')) {
    const value = levelValue(trimmed.slice(0, -1));
    if (value === undefined) throw unknownChoice('level', text.slice(0, -1), choices);
    return { atLeast: value };
  }
  const names = trimmed.split(',').filter(Boolean);
  if (names.length === 0) throw new UsageError('bad --level ""; expected a level such as ERROR or WARNING+');
  for (const name of names) if (levelValue(name) === undefined) throw unknownChoice('level', name, choices);
  const exact = new Set(names);
  for (const [alias, name] of Object.entries(LEVEL_ALIASES)) if (exact.has(name)) exact.add(alias);
  return { exact };
}

/** Every level name a --level option admits, for scans that skip other records unread. */
export function levelNamesOf(levels: NonNullable<RecordFilterSpec['levels']>): string[] {
  if ('exact' in levels) return [...levels.exact];
  return Object.keys(LEVELS).filter((name) => LEVELS[name]! >= levels.atLeast);
}

export function compileGrep(pattern: string, ignoreCase: boolean): RegExp {
  try {
    return new RegExp(pattern, ignoreCase ? 'i' : '');
  } catch (error) {
    throw new UsageError(
      `bad --grep regex "${pattern}": ${(error as Error).message.replace(/^Invalid regular expression: /, '')}`,
    );
  }
}

/**
 * One predicate, cheapest tests first. --grep looks at the message and its traceback, not at
 * the header: use --level and --module for those.
 */
export function buildRecordFilter(spec: RecordFilterSpec): RecordPredicate {
  const tests: RecordPredicate[] = [];
  const { levels, modules, grep, since, until, pids } = spec;
  if (levels && 'exact' in levels) tests.push((r) => levels.exact.has(r.level));
  if (levels && 'atLeast' in levels) tests.push((r) => (LEVELS[r.level] ?? -1) >= levels.atLeast);
  if (modules) tests.push((r) => modules.has(r.module));
  if (pids) tests.push((r) => r.pid !== null && pids.has(r.pid));
  if (since !== undefined) tests.push((r) => r.time !== null && r.time >= since);
  if (until !== undefined) tests.push((r) => r.time !== null && r.time < until);
  if (grep) tests.push((r) => grep.test(r.message) || (r.excText !== '' && grep.test(r.excText)));
  if (tests.length === 0) return ACCEPT_ALL;
  if (tests.length === 1) return tests[0]!;
  return (r) => tests.every((test) => test(r));
}
