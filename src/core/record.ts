/** One log record: a header line plus its continuation lines, parsed. */
export interface LogRecord {
  /** Epoch milliseconds, or null when the record has no parsable time. */
  time: number | null;
  /** The timestamp exactly as written (asctime), '' when absent. */
  timeText: string;
  /** Python level name (INFO, ERROR, …), '' when unknown. */
  level: string;
  module: string;
  pid: number | null;
  thread: number | null;
  /** The logged message exactly as written (%(message)s), possibly multi-line. */
  message: string;
  /** Exception text Python appended after the formatted line (tracebacks), or ''. */
  excText: string;
  /** Fields of a custom --format beyond the standard ones (name, funcName, …). */
  extra: Record<string, string> | null;
  /** Source path as given or discovered ('-' for stdin). */
  file: string;
  /** 1-based number of the record's first line in its file. */
  line: number;
  /** The record's original text, continuation lines included, without the final newline. */
  raw: string;
  /** The message had to be recovered from text that is not valid JSON (or decodes differently). */
  recovered: boolean;
  /** No header matched: the text is kept as-is so nothing is lost. */
  unparsed: boolean;
  /** Its header looks forged inside the record before it (injectionCheck.ts); absent when not. */
  suspect?: 'injected';
  /** Bytes of the record left out by the caps of src/core/recordLimits.ts; 0 when it is whole. */
  truncatedBytes: number;
}

/**
 * The one list of levels: Python's level names with their numeric values, lowest first. WARN and
 * FATAL are aliases Python still accepts (LEVEL_ALIASES); every other level list derives from this.
 */
export const LEVELS: Readonly<Record<string, number>> = {
  DEBUG: 10,
  INFO: 20,
  WARNING: 30,
  WARN: 30,
  ERROR: 40,
  CRITICAL: 50,
  FATAL: 50,
};

/** Alias → the name Python writes for that value. */
export const LEVEL_ALIASES: Readonly<Record<string, string>> = { WARN: 'WARNING', FATAL: 'CRITICAL' };

/** The names Python writes: LEVELS without its aliases. */
export const LEVEL_NAMES: readonly string[] = Object.keys(LEVELS).filter(
  (name) => !Object.hasOwn(LEVEL_ALIASES, name),
);

/**
 * Every name a header can carry: the names Python writes first (the common case is tried first),
 * then the aliases (WARNING before WARN, so a prefix match takes the longer name), then NOTSET (0),
 * the name of a record logged at level 0.
 */
export const HEADER_LEVEL_NAMES: readonly string[] = [
  ...LEVEL_NAMES,
  ...Object.keys(LEVEL_ALIASES),
  'NOTSET',
];

/** What Python writes for a level without a name: 'Level 5'. */
export const UNNAMED_LEVEL_PREFIX = 'Level ';

export function levelValue(name: string): number | undefined {
  return LEVELS[name];
}
