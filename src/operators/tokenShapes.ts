/**
 * Shapes of variable tokens, tested by character codes: each matcher takes the text, where a
 * token starts and where the chunk it lies in ends, and returns the index after the shape or -1.
 */
export const DIGIT = 1;
export const UPPER = 2;
export const LOWER = 4;
export const UNDERSCORE = 8;
/** Ends a chunk: white space, brackets, separators of lists and quoted text. */
export const SEPARATOR = 16;
/** `+`, `/`, `=`, `-`: inside base64, between the letters and digits. */
export const B64_PUNCT = 32;
/** Any other character (`.`, `:`, `@`, non-ASCII…): not base64. */
export const OTHER = 64;
export const COLON = 128;
export const AT = 256;
export const WORD = DIGIT | UPPER | LOWER | UNDERSCORE;

const CLASSES = new Uint16Array(128).fill(OTHER);
for (let c = 0; c <= 0x20; c++) CLASSES[c] = SEPARATOR;
for (const c of '()[]{}<>";|`') CLASSES[c.charCodeAt(0)] = SEPARATOR;
for (const c of '+/=-') CLASSES[c.charCodeAt(0)] = B64_PUNCT;
for (let c = 0x30; c <= 0x39; c++) CLASSES[c] = DIGIT;
for (let c = 0x41; c <= 0x5a; c++) CLASSES[c] = UPPER;
for (let c = 0x61; c <= 0x7a; c++) CLASSES[c] = LOWER;
CLASSES[0x5f] = UNDERSCORE;
CLASSES[0x7f] = SEPARATOR;
CLASSES[0x3a] = OTHER | COLON;
CLASSES[0x40] = OTHER | AT;

/** Non-ASCII characters are letters of words (`café`, `µs`). */
export function classOf(code: number): number {
  if (code < 128) return CLASSES[code]!;
  if (code >= 128) return code === 0xa0 ? SEPARATOR : OTHER | LOWER;
  return SEPARATOR; // NaN: before the start or past the end of the text
}

export function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

export function isWord(code: number): boolean {
  return (classOf(code) & WORD) !== 0;
}

export function isHex(code: number): boolean {
  return isDigit(code) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x66);
}

/** At `end` (or past the text) a word cannot go on. */
export function boundary(text: string, at: number, end: number): boolean {
  return at >= end || !isWord(text.charCodeAt(at));
}

export function digits(text: string, at: number, end: number): number {
  while (at < end && isDigit(text.charCodeAt(at))) at++;
  return at;
}

/** Exactly `count` digits at `at`, or -1. */
function fixedDigits(text: string, at: number, end: number, count: number): number {
  return digits(text, at, Math.min(end, at + count)) === at + count ? at + count : -1;
}

/** 8-4-4-4-12 hex digits. */
export function uuidEnd(text: string, at: number, end: number): number {
  if (end - at < 36) return -1;
  for (let i = 0; i < 36; i++) {
    const code = text.charCodeAt(at + i);
    if (i === 8 || i === 13 || i === 18 || i === 23 ? code !== 0x2d : !isHex(code)) return -1;
  }
  return boundary(text, at + 36, end) ? at + 36 : -1;
}

/** `ca65e2aa-63ec`, `cfef-1234`: hex groups joined by `-`, 8 hex digits or more with a digit (or 12). */
export function hexGroupsEnd(text: string, at: number, end: number): number {
  let i = at;
  let groups = 0;
  let hex = 0;
  let digit = false;
  for (;;) {
    const from = i;
    for (; i < end && isHex(text.charCodeAt(i)); i++) digit ||= isDigit(text.charCodeAt(i));
    if (i === from) return -1;
    hex += i - from;
    groups++;
    if (text.charCodeAt(i) !== 0x2d || !isHex(text.charCodeAt(i + 1))) break;
    i++;
  }
  return groups > 1 && hex >= 8 && (digit || hex >= 12) && boundary(text, i, end) ? i : -1;
}

/** `2024-01-20` or `2024/01/20`. */
export function dateEnd(text: string, at: number, end: number): number {
  const year = fixedDigits(text, at, end, 4);
  if (year === -1) return -1;
  const sep = text.charCodeAt(year);
  if (sep !== 0x2d && sep !== 0x2f) return -1;
  const month = fixedDigits(text, year + 1, end, 2);
  if (month === -1 || text.charCodeAt(month) !== sep) return -1;
  return fixedDigits(text, month + 1, end, 2);
}

/** `16:30`, `16:30:00`, `16:30:00.123456`, `16:30:00,123`, with `Z` or `+01:00` after. */
export function timeEnd(text: string, at: number, end: number): number {
  const hour = digits(text, at, Math.min(end, at + 2));
  if (hour === at || text.charCodeAt(hour) !== 0x3a) return -1;
  let i = fixedDigits(text, hour + 1, end, 2);
  if (i === -1) return -1;
  if (text.charCodeAt(i) === 0x3a && fixedDigits(text, i + 1, end, 2) !== -1) i += 3;
  const fraction = text.charCodeAt(i);
  if ((fraction === 0x2e || fraction === 0x2c) && isDigit(text.charCodeAt(i + 1)))
    i = digits(text, i + 1, end);
  const zone = text.charCodeAt(i);
  if (zone === 0x5a) i++;
  else if ((zone === 0x2b || zone === 0x2d) && fixedDigits(text, i + 1, end, 2) !== -1) {
    i += 3;
    if (text.charCodeAt(i) === 0x3a) i++;
    i = digits(text, i, Math.min(end, i + 2));
  }
  return boundary(text, i, end) ? i : -1;
}

/** `10.0.0.12`, with `:5432` after. */
export function ipv4End(text: string, at: number, end: number): number {
  let i = at;
  for (let part = 0; part < 4; part++) {
    if (part > 0) {
      if (text.charCodeAt(i) !== 0x2e) return -1;
      i++;
    }
    const next = digits(text, i, Math.min(end, i + 3));
    if (next === i) return -1;
    i = next;
  }
  if (isDigit(text.charCodeAt(i))) return -1;
  if (text.charCodeAt(i) === 0x3a && isDigit(text.charCodeAt(i + 1))) i = digits(text, i + 1, end);
  return boundary(text, i, end) ? i : -1;
}

/**
 * `+15551234567`, `+1 (555) 123-4567`, `+44 20 7946 0958`, `(555) 123-4567`, `555-123-4567`:
 * 7 to 15 digits. Groups may be spaced only while they are short, so `+15551234567 42` stops
 * after the number; without `+` or parentheses only the 3-3-4 form with `-` or `.` counts.
 */
export function phoneEnd(text: string, at: number, end: number): number {
  const first = text.charCodeAt(at);
  if (first !== 0x2b && first !== 0x28) return dashedPhoneEnd(text, at, end);
  const plus = first === 0x2b;
  let i = plus ? at + 1 : at;
  let count = 0;
  let paren = false;
  for (;;) {
    let group: number;
    if (text.charCodeAt(i) === 0x28) {
      const close = digits(text, i + 1, Math.min(end, i + 5));
      if (close === i + 1 || text.charCodeAt(close) !== 0x29) break;
      group = close - i - 1;
      paren = true;
      i = close + 1;
    } else {
      const next = digits(text, i, end);
      if (next === i) break;
      group = next - i;
      i = next;
    }
    count += group;
    const sep = text.charCodeAt(i);
    const spaced = sep === 0x20 || sep === 0x2d || sep === 0x2e;
    const from = spaced ? i + 1 : i;
    const next = text.charCodeAt(from);
    // A four-digit group ends a whole number (`+44 20 7946 0958 42 times`).
    if (group > 4 || (group === 4 && count >= 10) || !(isDigit(next) || next === 0x28)) break;
    // `(555)123-4567`: no separator needed after a parenthesis.
    if (!spaced && text.charCodeAt(i - 1) !== 0x29) break;
    if (sep === 0x20 && !plus && !paren) break;
    i = from;
  }
  return count >= 7 && count <= 15 && boundary(text, i, end) ? i : -1;
}

/** `555-123-4567`, `555.123.4567`. */
function dashedPhoneEnd(text: string, at: number, end: number): number {
  const area = fixedDigits(text, at, end, 3);
  const sep = text.charCodeAt(area);
  if (area === -1 || (sep !== 0x2d && sep !== 0x2e)) return -1;
  const exchange = fixedDigits(text, area + 1, end, 3);
  if (exchange === -1 || text.charCodeAt(exchange) !== sep) return -1;
  const line = fixedDigits(text, exchange + 1, end, 4);
  return line !== -1 && boundary(text, line, end) ? line : -1;
}

/** `-12`, `1,234,567`, `3.14`, `1e-05`: the index after the number (at least one digit). */
export function numberEnd(text: string, at: number, end: number): number {
  let i = at;
  const sign = text.charCodeAt(i);
  if (sign === 0x2b || sign === 0x2d) i++;
  i = digits(text, i, end);
  // Thousands: exactly three digits after each comma.
  while (
    text.charCodeAt(i) === 0x2c &&
    fixedDigits(text, i + 1, end, 3) !== -1 &&
    !isDigit(text.charCodeAt(i + 4))
  )
    i += 4;
  if (text.charCodeAt(i) === 0x2e && isDigit(text.charCodeAt(i + 1))) i = digits(text, i + 1, end);
  if ((text.charCodeAt(i) | 0x20) === 0x65) {
    const sign = text.charCodeAt(i + 1);
    const from = sign === 0x2b || sign === 0x2d ? i + 2 : i + 1;
    const exponent = digits(text, from, end);
    if (exponent > from) i = exponent;
  }
  return i;
}

const DURATION_UNITS = [
  ...['ns', 'us', 'µs', 'ms', 's', 'sec', 'secs', 'seconds', 'm', 'min', 'mins', 'minutes'],
  ...['h', 'hr', 'hrs', 'hours', 'days'],
];
// Not `b` or `d`: hex ids end in them.
const SIZE_UNITS = ['kb', 'mb', 'gb', 'tb', 'kib', 'mib', 'gib', 'tib', 'k', 'g'];

function unitEnd(text: string, at: number, end: number, units: readonly string[]): number {
  let i = at;
  while (i < end && (classOf(text.charCodeAt(i)) & (UPPER | LOWER)) !== 0) i++;
  if (i === at || i - at > 7) return -1;
  return units.includes(text.slice(at, i).toLowerCase()) ? i : -1;
}

/** `250ms`, `1.5s`, `2m05s`, `1h30m` from the end of a number: the index after the units, or -1. */
export function durationEnd(text: string, afterNumber: number, end: number): number {
  let i = unitEnd(text, afterNumber, end, DURATION_UNITS);
  while (i !== -1 && isDigit(text.charCodeAt(i))) {
    const next = unitEnd(text, digits(text, i, end), end, DURATION_UNITS);
    if (next === -1) return -1;
    i = next;
  }
  return i !== -1 && boundary(text, i, end) ? i : -1;
}

/** `512MB`, `1.5GiB` from the end of a number. */
export function sizeEnd(text: string, afterNumber: number, end: number): number {
  const i = unitEnd(text, afterNumber, end, SIZE_UNITS);
  return i !== -1 && boundary(text, i, end) ? i : -1;
}
