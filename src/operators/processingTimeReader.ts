import type { LogRecord } from '../core/record.js';
import { NUMBER_WITH_UNIT, secondsOf } from './durationText.js';
import { GARBAGE, type DurationReader, type DurationReading } from './durationReader.js';

const KEYWORD = 'processing_time';

/**
 * Every spelling the app writes: `processing_time=1.234`, `processing_time: 0.53s`,
 * `processing_time 812ms`, `"processing_time": 0.5`. The first occurrence that is a whole word
 * followed by a separator counts; after `=` or `:` anything but a number is garbage, after a
 * space only something that starts like a number is looked at ("processing_time exceeded" is
 * prose, not a value).
 */
export class ProcessingTimeReader implements DurationReader {
  garbageText = '';
  readonly describe = KEYWORD;
  readonly keyword = KEYWORD;
  /** A message's characters around one occurrence, as bytes for the parser (MessageCodes). */
  private readonly codes = new MessageCodes();

  constructor(private readonly bareExponent: number) {}

  read(record: LogRecord): DurationReading {
    const text = record.message;
    const codes = this.codes;
    for (let at = text.indexOf(KEYWORD); at !== -1; at = text.indexOf(KEYWORD, at + KEYWORD.length)) {
      codes.copy(text, at);
      const start = valueStartAt(codes.bytes, 0, codes.keywordAt, codes.end);
      if (start === -1) continue;
      const seconds =
        commonSeconds(codes.bytes, start, codes.end, this.bareExponent) ??
        this.anySeconds(text, codes.offset + start);
      if (seconds !== null) return seconds;
      this.garbageText = text.slice(at, tokenEnd(text, codes.offset + start));
      return GARBAGE;
    }
    return null;
  }

  /**
   * For the value lane (KeywordValues.valueAt): the value at the occurrence at `at` of a line in
   * `bytes` whose message starts at `from`, when `read` would surely return it there (a word, a
   * separator, a spelling commonSeconds knows); undefined otherwise.
   */
  valueAt(bytes: Uint8Array, from: number, at: number): number | undefined {
    const start = valueStartAt(bytes, from, at, bytes.length);
    return start === -1 ? undefined : commonSeconds(bytes, start, bytes.length, this.bareExponent);
  }

  private anySeconds(text: string, start: number): number | null {
    NUMBER_WITH_UNIT.lastIndex = start;
    const number = NUMBER_WITH_UNIT.exec(text);
    return number && secondsOf(number[1]!, number[2], this.bareExponent);
  }
}

/**
 * One occurrence of the keyword in a message, from the character before it to the end of its
 * line, as bytes: the value parser reads bytes, so the value lane hands it a file's bytes
 * without decoding them (decoding each hit's line cost more than parsing it) and a record's
 * message goes through this copy. Characters past U+00FF become 0xFF: the grammar is ASCII and
 * judges both alike (not a digit, letter or separator). The buffer grows to the longest line.
 */
class MessageCodes {
  bytes = new Uint8Array(256);
  /** Index in the message of bytes[0]. */
  offset = 0;
  keywordAt = 0;
  end = 0;

  copy(text: string, at: number): void {
    this.offset = at > 0 ? at - 1 : 0;
    this.keywordAt = at - this.offset;
    let stop = text.indexOf('\n', at);
    if (stop === -1) stop = text.length;
    this.end = stop - this.offset;
    if (this.bytes.length < this.end) this.bytes = new Uint8Array(this.end * 2);
    for (let i = this.offset; i < stop; i++) {
      const c = text.charCodeAt(i);
      this.bytes[i - this.offset] = c > 0xff ? 0xff : c;
    }
  }
}

/**
 * Where the value of the occurrence at `at` starts, or -1 when it is not a word with a separator.
 * `from`: where the text the keyword is in starts (no character before it is looked at).
 */
function valueStartAt(b: Uint8Array, from: number, at: number, end: number): number {
  if (at > from && isWordChar(b[at - 1]!)) return -1; // avg_processing_time
  return valueStart(b, at + KEYWORD.length, end);
}

const [TAB, SPACE, QUOTE, APOSTROPHE, COMMA, DOT, COLON, EQUALS] = [9, 32, 34, 39, 44, 46, 58, 61];
const [NEWLINE, LOWER_M, LOWER_S] = [10, 109, 115];
/** What the parser sees past `end`: no character it looks for. */
const NONE = -1;

/**
 * Where the value starts after the keyword: past `=`, `:` (a closing quote and spaces around
 * them allowed, and an opening quote after), or past spaces when a digit or '.' follows.
 * -1 when there is no separator. Never past a newline, so a caller may give a file's bytes.
 */
function valueStart(b: Uint8Array, from: number, end: number): number {
  let at = from;
  const code = (i: number): number => (i < end ? b[i]! : NONE);
  let c = code(at);
  if (c === QUOTE || c === APOSTROPHE) c = code(++at);
  const spaces = at;
  while (c === SPACE || c === TAB) c = code(++at);
  if (c === EQUALS || c === COLON) {
    c = code(++at);
    while (c === SPACE || c === TAB) c = code(++at);
    return c === QUOTE || c === APOSTROPHE ? at + 1 : at;
  }
  return at > spaces && (isDigit(c) || c === DOT) ? at : -1;
}

/**
 * The spellings the app writes ('0.060', '0.53s', '812ms', then an end, a space, a comma) read
 * without a regex or a string: the digits make an integer and the decimal point and unit a
 * power of ten, and integer / 10^k of exact doubles is the correctly rounded value, the double
 * Number('0.060') gives. Undefined for anything else, which NUMBER_WITH_UNIT then decides.
 * `end`: the end of the line or of the bytes, which ends a value as a newline does.
 */
function commonSeconds(b: Uint8Array, start: number, end: number, bareExponent: number): number | undefined {
  let at = start;
  let digits = 0;
  let scale = 0; // digits after the point
  const code = (i: number): number => (i < end ? b[i]! : NONE);
  let c = code(at);
  while (c >= 0x30 && c <= 0x39) {
    digits = digits * 10 + (c - 0x30);
    c = code(++at);
  }
  if (at === start) return undefined;
  if (c === DOT) {
    const fraction = at + 1;
    c = code(++at);
    while (c >= 0x30 && c <= 0x39) {
      digits = digits * 10 + (c - 0x30);
      c = code(++at);
    }
    if (at === fraction) return undefined;
    scale = at - fraction;
  }
  let exponent = bareExponent;
  if (c === LOWER_S) {
    exponent = 0;
    c = code(++at);
  } else if (c === LOWER_M && code(at + 1) === LOWER_S) {
    exponent = -3;
    at += 2;
    c = code(at);
  }
  const ends = c === NONE || c === NEWLINE || c === COMMA || (c === SPACE && !isLetter(code(at + 1)));
  // '5 ms', '0.5s.', '1e3', '250us' are for the regex; so are numbers beyond exact integers.
  if (!ends || digits > Number.MAX_SAFE_INTEGER || scale - exponent > 22) return undefined;
  return digits / POWERS_OF_TEN[scale - exponent]!; // exponent ≤ 0: an exact power of ten up to 1e22
}

/** 10^0 … 10^22, each an exact double; a table, as `10 ** k` (Math.pow) cost latency 5 % (430 → 409 ms, 160 MB). */
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function isLetter(code: number): boolean {
  return (code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a;
}

function isWordChar(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x61 && code <= 0x7a) ||
    code === 0x5f
  );
}

/** End of the token starting at `from`, at most 40 characters on: enough to show the garbage. */
function tokenEnd(text: string, from: number): number {
  const space = text.slice(from, from + 40).search(/\s/);
  return space === -1 ? Math.min(text.length, from + 40) : from + space;
}
