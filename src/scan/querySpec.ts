import type { ZoneChoice } from '../core/logZone.js';
import type { LogInput } from '../sources/resolveInputs.js';

/**
 * What a log scan reads and which records it keeps, resolved once by the command from flags,
 * environment and config. Plain data only: it is structured-cloned into each shard's worker
 * thread as is, and compileQuery turns it into the predicate and wall clock in every thread.
 * How matches are printed (writer, fields, colour) is not here: only the main thread prints.
 */
export interface QuerySpec {
  readonly inputs: readonly LogInput[];
  /** --format, validated: overrides every input's own format. */
  readonly formatOverride?: string;
  /** The zone log times are read in; each thread builds its wall clock from it. */
  readonly zone: ZoneChoice;
  /** --since as epoch ms: a backwards scan can stop once records are older. */
  readonly since?: number;
  /** --until as epoch ms. */
  readonly until?: number;
  /** The instant relative times were measured from. */
  readonly now: number;
  /** --since or --until was relative (1h, now): a window a wrong zone can empty (zoneWarning.ts). */
  readonly relative: boolean;
  /** The level names --level admits: records of other levels may be skipped unread. */
  readonly levels?: readonly string[];
  /** --module, trimmed (an empty list admits no record). */
  readonly modules?: readonly string[];
  readonly pids?: readonly number[];
  /** --grep as written (a valid JavaScript regex) and -i. */
  readonly grep?: { readonly source: string; readonly ignoreCase: boolean };
  /** -q: no progress display and no recovered/unparsed summary on stderr. */
  readonly quiet: boolean;
}
