import { isRandomLetters } from './randomLetters.js';
import { B64_PUNCT, DIGIT, LOWER, UNDERSCORE, UPPER, classOf, isHex } from './tokenShapes.js';

// Shapes read over a whole chunk (a run between separators) rather than token by token.

/** Shorter runs of letters, digits and `+/=_-` are read token by token, not as base64. */
export const MIN_BASE64 = 16;

/** `https://`: a `:` after a letter, with `//` after it (the `=` of a query then does not split). */
export function isScheme(text: string, start: number, colon: number): boolean {
  const letter = (classOf(text.charCodeAt(colon - 1)) & (UPPER | LOWER)) !== 0;
  return (
    colon > start && letter && text.charCodeAt(colon + 1) === 0x2f && text.charCodeAt(colon + 2) === 0x2f
  );
}

/** `ops@example.com` inside [start, end) (`mailto:ops@example.com`): where it starts and ends, or null. */
export function emailSpan(text: string, start: number, end: number): [number, number] | null {
  const at = text.indexOf('@', start);
  let local = at;
  while (local > start && isEmailChar(text.charCodeAt(local - 1))) local--;
  let domain = at + 1;
  let dot = -1;
  while (domain < end && isEmailChar(text.charCodeAt(domain))) {
    if (text.charCodeAt(domain) === 0x2e) dot = domain;
    domain++;
  }
  while (text.charCodeAt(domain - 1) === 0x2e) domain--;
  return local === at || dot <= at + 1 || dot >= domain ? null : [local, domain];
}

function isEmailChar(code: number): boolean {
  return (
    (classOf(code) & (DIGIT | UPPER | LOWER | UNDERSCORE)) !== 0 ||
    code === 0x2e ||
    code === 0x2d ||
    code === 0x2b
  );
}

/** `2001:db8::1`, `::1`, `fe80:0:0:0:0:0:0:1`, `::ffff:10.0.0.1` (a chunk of hex, `:` and `.`). */
export function isIpv6(text: string, start: number, end: number): boolean {
  let colons = 0;
  let double = false;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x3a) {
      colons++;
      if (text.charCodeAt(i + 1) === 0x3a) double = true;
    } else if (code !== 0x2e && !isHex(code)) return false;
  }
  return colons >= 2 && (double || colons >= 5);
}

/**
 * A long run of letters, digits and `+/=_-` with both cases and a digit, `+` or `=`, or letters
 * whose case changes as no identifier's does: a key, a signature, a Twilio SID. Paths are lower case.
 * Any run of 8 or more is one when its letters are random or its letters and digits are joined
 * by `-`/`_` (`EnKe-EdAoJRV`, `19xjrs6t_phw9xg-`).
 */
export function isBase64(text: string, start: number, end: number, seen: number): boolean {
  const bothCases = (seen & UPPER) !== 0 && (seen & LOWER) !== 0;
  if (
    bothCases &&
    end - start >= MIN_BASE64 &&
    (seen & DIGIT || hasPadOrPlus(text, start, end) || looksRandom(text, start, end))
  )
    return true;
  const joined = (seen & DIGIT) !== 0 && (seen & (UNDERSCORE | B64_PUNCT)) !== 0;
  return (bothCases || joined) && isRandomLetters(text.slice(start, end));
}

function hasPadOrPlus(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x2b || code === 0x3d) return true;
  }
  return false;
}

/**
 * Random letters in both cases: lower-case letters standing alone (`XyZ`), many switches to
 * upper case, or both cases after a prefix (`ch_HQrMJKKMnxou…`). CamelCase has at most one
 * lone letter (`IsADirectoryError`) and few switches (`MultiValueDictKeyError`).
 */
export function looksRandom(text: string, start: number, end: number): boolean {
  let alone = 0;
  let toUpper = 0;
  let run = 0;
  let prefixed = false;
  let segment = 0;
  for (let i = start; i < end; i++) {
    const cls = classOf(text.charCodeAt(i));
    if (cls & UNDERSCORE) {
      prefixed = true;
      segment = 0;
    } else if (prefixed) segment |= cls;
    if (segment & LOWER && segment & UPPER) return true;
    if (cls & LOWER) {
      run++;
      continue;
    }
    if (run === 1) alone++;
    if (cls & UPPER && run > 0) toUpper++;
    run = 0;
  }
  if (run === 1) alone++;
  return alone >= 2 || (alone >= 1 && toUpper >= 3) || toUpper >= 6;
}
