/**
 * JSON text written straight into a byte buffer as UTF-8, the bytes JSON.stringify's text would
 * encode to: no string is built per value, so a search that prints many records feeds the
 * garbage collector nothing but its records. Each writer takes the buffer and where to write,
 * and returns where it stopped; the caller reserves room (jsonStringMaxBytes).
 */

/** Per ASCII code: 0 copied as is, 1 written \u00XX, else the letter of its short escape (\n, \"). */
const ESCAPE = new Uint8Array(128);
for (let code = 0; code < 0x20; code++) ESCAPE[code] = 1;
for (const [code, letter] of [
  [0x08, 'b'],
  [0x09, 't'],
  [0x0a, 'n'],
  [0x0c, 'f'],
  [0x0d, 'r'],
  [0x22, '"'],
  [0x5c, '\\'],
] as const)
  ESCAPE[code] = letter.charCodeAt(0);

/** Lower-case hex digits, as JSON.stringify writes them. */
const HEX = Buffer.from('0123456789abcdef', 'latin1');

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** The most bytes jsonString may write for `text`: a UTF-16 unit takes at most six (\u001b). */
export function jsonStringMaxBytes(text: string): number {
  return text.length * 6 + 2;
}

/** Longer strings are escaped by JSON.stringify, whose native loop beats this one's. */
const SHORT = 32;

/** What JSON.stringify escapes; a string without any is copied as UTF-8, without a new string. */
const ESCAPED = /["\\\x00-\x1f\ud800-\udfff]/;

/** Writes JSON.stringify(text) as UTF-8; lone surrogates are escaped (\udXXX) as JSON.stringify does. */
export function jsonString(bytes: Buffer, at: number, text: string): number {
  if (text.length > SHORT) {
    if (ESCAPED.test(text)) return at + bytes.write(JSON.stringify(text), at);
    bytes[at] = QUOTE;
    const end = at + 1 + bytes.write(text, at + 1);
    bytes[end] = QUOTE;
    return end + 1;
  }
  let p = at;
  bytes[p++] = QUOTE;
  for (let i = 0, n = text.length; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      const escape = ESCAPE[c]!;
      if (escape === 0) bytes[p++] = c;
      else if (escape === 1) p = unicodeEscape(bytes, p, c);
      else {
        bytes[p++] = BACKSLASH;
        bytes[p++] = escape;
      }
    } else if (c < 0x800) {
      bytes[p++] = 0xc0 | (c >> 6);
      bytes[p++] = 0x80 | (c & 0x3f);
    } else if (c < 0xd800 || c > 0xdfff) {
      bytes[p++] = 0xe0 | (c >> 12);
      bytes[p++] = 0x80 | ((c >> 6) & 0x3f);
      bytes[p++] = 0x80 | (c & 0x3f);
    } else {
      const low = i + 1 < n ? text.charCodeAt(i + 1) : 0;
      if (c < 0xdc00 && low >= 0xdc00 && low <= 0xdfff) {
        const u = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
        bytes[p++] = 0xf0 | (u >> 18);
        bytes[p++] = 0x80 | ((u >> 12) & 0x3f);
        bytes[p++] = 0x80 | ((u >> 6) & 0x3f);
        bytes[p++] = 0x80 | (u & 0x3f);
        i++;
      } else p = unicodeEscape(bytes, p, c);
    }
  }
  bytes[p++] = QUOTE;
  return p;
}

function unicodeEscape(bytes: Buffer, at: number, c: number): number {
  bytes[at] = BACKSLASH;
  bytes[at + 1] = 0x75; // u
  bytes[at + 2] = HEX[c >> 12]!;
  bytes[at + 3] = HEX[(c >> 8) & 0xf]!;
  bytes[at + 4] = HEX[(c >> 4) & 0xf]!;
  bytes[at + 5] = HEX[c & 0xf]!;
  return at + 6;
}

/** Bytes of ASCII text known in advance (keys, punctuation), for asciiBytes. */
export function asciiPiece(text: string): Uint8Array {
  return Buffer.from(text, 'latin1');
}

/** Copies a piece made by asciiPiece. */
export function asciiBytes(bytes: Buffer, at: number, piece: Uint8Array): number {
  for (let i = 0; i < piece.length; i++) bytes[at + i] = piece[i]!;
  return at + piece.length;
}

/** Writes `${value}` (String(value)): digits for a safe integer, else the text JavaScript gives. */
export function numberText(bytes: Buffer, at: number, value: number): number {
  if (!(Number.isSafeInteger(value) && value >= 0)) return at + bytes.write(String(value), at, 'latin1');
  let digits = 1;
  for (let rest = value; rest >= 10; rest = Math.floor(rest / 10)) digits++;
  let p = at + digits;
  let rest = value;
  do {
    const next = Math.floor(rest / 10);
    bytes[--p] = 0x30 + (rest - next * 10);
    rest = next;
  } while (rest > 0);
  return at + digits;
}
