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

  constructor(private readonly bareExponent: number) {}

  read(record: LogRecord): DurationReading {
    const text = record.message;
    for (let at = text.indexOf(KEYWORD); at !== -1; at = text.indexOf(KEYWORD, at + KEYWORD.length)) {
      const start = valueStartAt(text, at);
      if (start === -1) continue;
      const seconds = commonSeconds(text, start, this.bareExponent) ?? this.anySeconds(text, start);
      if (seconds !== null) return seconds;
      this.garbageText = text.slice(at, tokenEnd(text, start));
      return GARBAGE;
    }
    return null;
  }

  /**
   * For the value lane: the value at the occurrence at `at` when `read` would surely return it
   * there (a word, a separator, a spelling commonSeconds knows); undefined otherwise.
   */
  valueAt(text: string, at: number): number | undefined {
    const start = valueStartAt(text, at);
    return start === -1 ? undefined : commonSeconds(text, start, this.bareExponent);
  }

  private anySeconds(text: string, start: number): number | null {
    NUMBER_WITH_UNIT.lastIndex = start;
    const number = NUMBER_WITH_UNIT.exec(text);
    return number && secondsOf(number[1]!, number[2], this.bareExponent);
  }
}

/** Where the value of the occurrence at `at` starts, or -1 when it is not a word with a separator. */
function valueStartAt(text: string, at: number): number {
  if (at > 0 && isWordChar(text.charCodeAt(at - 1))) return -1; // avg_processing_time
  return valueStart(text, at + KEYWORD.length);
}

const [TAB, SPACE, QUOTE, APOSTROPHE, COMMA, DOT, COLON, EQUALS] = [9, 32, 34, 39, 44, 46, 58, 61];
const [NEWLINE, LOWER_M, LOWER_S] = [10, 109, 115];

/**
 * Where the value starts after the keyword: past `=`, `:` (a closing quote and spaces around
 * them allowed, and an opening quote after), or past spaces when a digit or '.' follows.
 * -1 when there is no separator.
 */
function valueStart(text: string, from: number): number {
  let at = from;
  let c = text.charCodeAt(at);
  if (c === QUOTE || c === APOSTROPHE) c = text.charCodeAt(++at);
  const spaces = at;
  while (c === SPACE || c === TAB) c = text.charCodeAt(++at);
  if (c === EQUALS || c === COLON) {
    c = text.charCodeAt(++at);
    while (c === SPACE || c === TAB) c = text.charCodeAt(++at);
    return c === QUOTE || c === APOSTROPHE ? at + 1 : at;
  }
  return at > spaces && (isDigit(c) || c === DOT) ? at : -1;
}

/**
 * The spellings the app writes ('0.060', '0.53s', '812ms', then an end, a space, a comma) read
 * without a regex or a string: the digits make an integer and the decimal point and unit a
 * power of ten, and integer / 10^k of exact doubles is the correctly rounded value, the double
 * Number('0.060') gives. Undefined for anything else, which NUMBER_WITH_UNIT then decides.
 */
function commonSeconds(text: string, start: number, bareExponent: number): number | undefined {
  let at = start;
  let digits = 0;
  let scale = 0; // digits after the point
  let c = text.charCodeAt(at);
  while (c >= 0x30 && c <= 0x39) {
    digits = digits * 10 + (c - 0x30);
    c = text.charCodeAt(++at);
  }
  if (at === start) return undefined;
  if (c === DOT) {
    const fraction = at + 1;
    c = text.charCodeAt(++at);
    while (c >= 0x30 && c <= 0x39) {
      digits = digits * 10 + (c - 0x30);
      c = text.charCodeAt(++at);
    }
    if (at === fraction) return undefined;
    scale = at - fraction;
  }
  let exponent = bareExponent;
  if (c === LOWER_S) {
    exponent = 0;
    c = text.charCodeAt(++at);
  } else if (c === LOWER_M && text.charCodeAt(at + 1) === LOWER_S) {
    exponent = -3;
    at += 2;
    c = text.charCodeAt(at);
  }
  const ends =
    at === text.length || c === NEWLINE || c === COMMA || (c === SPACE && !isLetter(text.charCodeAt(at + 1)));
  // '5 ms', '0.5s.', '1e3', '250us' are for the regex; so are numbers beyond exact integers.
  if (!ends || digits > Number.MAX_SAFE_INTEGER || scale - exponent > 22) return undefined;
  return digits / 10 ** (scale - exponent); // exponent ≤ 0: an exact power of ten up to 1e22
}

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
