/**
 * How much of a hostile record is kept: one home for the caps every reader applies, so a line of
 * hundreds of megabytes costs time linear in its size and memory of a few megabytes, and the
 * README can name the numbers. What is cut is counted (LogRecord.truncatedBytes), never hidden.
 */

/** Bytes of one line kept; the rest of the line is counted and skipped while streaming. */
export const MAX_LINE_BYTES = 1024 * 1024;

/** Bytes of a record's first lines kept (its head). */
export const MAX_RECORD_BYTES = 1024 * 1024;

/** Lines of a record's head: a wrong --format must not make one record of a whole file. */
export const MAX_RECORD_LINES = 10_000;

/**
 * The last lines of a cut record are kept as well (at most this many, and this many bytes
 * beyond the final line), because a traceback names its exception on its final line.
 */
export const TAIL_LINES = 100;
export const TAIL_BYTES = 64 * 1024;

/** Characters of a group key (error type, template, label) kept; longer ones end in KEY_CUT. */
export const MAX_KEY_CHARS = 200;
export const KEY_CUT = '…';

/** A group key of at most MAX_KEY_CHARS characters (plus the marker when cut). */
export function capKey(text: string): string {
  return text.length > MAX_KEY_CHARS ? text.slice(0, MAX_KEY_CHARS) + KEY_CUT : text;
}
