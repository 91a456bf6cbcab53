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

/** Python's standard level names with their numeric values. */
export const LEVELS: Readonly<Record<string, number>> = {
  DEBUG: 10,
  INFO: 20,
  WARNING: 30,
  WARN: 30,
  ERROR: 40,
  CRITICAL: 50,
  FATAL: 50,
};

export const LEVEL_NAMES = ['DEBUG', 'INFO', 'WARNING', 'ERROR', 'CRITICAL'] as const;

export function levelValue(name: string): number | undefined {
  return LEVELS[name];
}
