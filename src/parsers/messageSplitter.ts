import type { CompiledFormat } from './pythonFormat.js';
import { NEWLINE } from '../core/lineBytes.js';

const TRACEBACK_START = 'Traceback (most recent call last):';
const TRACEBACK_LINE = '\n' + TRACEBACK_START;
/** Characters Python's json formatter leaves unescaped that break (or change) the JSON line. */
const NOT_JSON_CLEAN = /["\\\x00-\x1f]/;

export interface SplitMessage {
  message: string;
  /** Exception text Python appended after the formatted line, '' when none. */
  excText: string;
  /** The message was taken from text that is invalid JSON or would decode to other text. */
  recovered: boolean;
}

/**
 * Splits a record's text after the header into the logged message and the appended exception text.
 * Python's Formatter writes `formatted + "\n" + exc_text`, so with a suffix (the json formatter's
 * `"}`) the message ends at the line ending in the suffix that is followed by a traceback or by
 * nothing; without one, the traceback starts at the first "Traceback (most recent call last):" line.
 */
export function splitMessage(body: readonly string[], format: CompiledFormat): SplitMessage {
  const { suffix } = format;
  if (suffix === '') {
    const at = body.indexOf(TRACEBACK_START, 1);
    if (at === -1) return { message: joinLines(body), excText: '', recovered: false };
    return { message: joinLines(body.slice(0, at)), excText: joinLines(body.slice(at)), recovered: false };
  }
  const end = messageEndLine(body, suffix);
  if (end === -1) {
    // No closing suffix at all (a truncated line): keep everything as the message.
    return { message: joinLines(body), excText: '', recovered: true };
  }
  const lines = body.slice(0, end + 1);
  lines[end] = lines[end]!.slice(0, -suffix.length);
  const message = joinLines(lines);
  return {
    message,
    excText: joinLines(body.slice(end + 1)),
    recovered: format.jsonQuotedMessage && NOT_JSON_CLEAN.test(message),
  };
}

/**
 * The same split for a format without a suffix, on the text after the header in one piece:
 * the traceback starts at the first later line that is exactly TRACEBACK_START.
 */
export function splitMessageText(body: string): SplitMessage {
  for (let at = body.indexOf(TRACEBACK_LINE); at !== -1; at = body.indexOf(TRACEBACK_LINE, at + 1)) {
    const after = at + TRACEBACK_LINE.length;
    if (after === body.length || body.charCodeAt(after) === NEWLINE) {
      return { message: body.slice(0, at), excText: body.slice(at + 1), recovered: false };
    }
  }
  return { message: body, excText: '', recovered: false };
}

function messageEndLine(body: readonly string[], suffix: string): number {
  let lastCandidate = -1;
  for (let i = 0; i < body.length; i++) {
    if (!body[i]!.endsWith(suffix)) continue;
    if (i === body.length - 1 || body[i + 1] === TRACEBACK_START) return i;
    lastCandidate = i;
  }
  return lastCandidate;
}

function joinLines(lines: readonly string[]): string {
  return lines.length === 1 ? lines[0]! : lines.join('\n');
}
