import { detach } from '../core/detach.js';
import {
  AT,
  COLON,
  DIGIT,
  LOWER,
  OTHER,
  SEPARATOR,
  UNDERSCORE,
  UPPER,
  boundary,
  classOf,
  dateEnd,
  digits,
  durationEnd,
  hexGroupsEnd,
  ipv4End,
  isDigit,
  isHex,
  isIpv6,
  isWord,
  numberEnd,
  phoneEnd,
  sizeEnd,
  timeEnd,
  uuidEnd,
} from './tokenShapes.js';

/** Longest template kept: a pasted document in a message must not make a key of megabytes. */
const MAX_TEMPLATE_CHARS = 200;
/** Shorter runs of letters, digits and `+/=_-` are read token by token, not as base64. */
const MIN_BASE64 = 16;
const LETTERS = UPPER | LOWER | UNDERSCORE;
/** Numbers, ids and values share a mask: a short hex id can be all digits, a number slot `None`. */
const VALUE = '<*>';

/** The template so far: the text between masks is copied when the next mask is written. */
function isJoiner(code: number): boolean {
  return code === 0x2d || code === 0x2e || code === 0x3a;
}

class Template {
  out = '';
  copied = 0;
  /** The last mask written, when nothing has been copied after it. */
  private last = '';
  constructor(readonly text: string) {}

  finish(): string {
    const text = this.out + this.text.slice(this.copied);
    return text.length > MAX_TEMPLATE_CHARS ? text.slice(0, MAX_TEMPLATE_CHARS) + '…' : text;
  }

  mask(start: number, end: number, mask: string): void {
    // `8f3a-1234`, `1.2.3`, `00:1a:2b`: values joined by punctuation are one value.
    const joined = start === this.copied + 1 && this.last === VALUE && mask === VALUE;
    if (!joined || !isJoiner(this.text.charCodeAt(this.copied))) {
      this.out += this.text.slice(this.copied, start) + mask;
      this.last = mask;
    }
    this.copied = end;
  }
}

/**
 * Masks the variable parts of a message's first line by the shape of each token, whatever the
 * wording, so that one logging statement is one template:
 * `Task process_sms[9f0c…] failed for user_id=41 after 3 retries` →
 * `Task process_sms[<uuid>] failed for user_id=<*> after <*> retries`. Plain words are kept;
 * a token with a digit in it is an id, a number, a date, an address… (tokenShapes.ts). One pass,
 * and the template depends on the message alone.
 */
export function messageTemplate(message: string): string {
  const line = firstLine(message);
  if (constant.has(line)) return line;
  const template = templateOf(line);
  if (template === line) {
    if (constant.size >= CONSTANT_LINES) constant.clear();
    constant.add(detach(line));
  }
  return template;
}

/**
 * Lines seen lately with nothing to mask: many error statements have nothing that varies and
 * recur word for word. Bounded; the entries are copies, so no decoded chunk stays alive.
 */
const constant = new Set<string>();
const CONSTANT_LINES = 1024;

function templateOf(line: string): string {
  const t = new Template(line);
  for (let i = 0; i < line.length && t.out.length + i - t.copied <= MAX_TEMPLATE_CHARS;) {
    // Not after `key=`: the word there is a value.
    if (line.charCodeAt(i - 1) !== 0x3d) {
      PLAIN.lastIndex = i;
      PLAIN.test(line);
      i = PLAIN.lastIndex;
      if (i >= line.length) break;
    }
    const code = line.charCodeAt(i);
    if ((isDigit(code) || code === 0x2b) && (i === 0 || atSeparator(line, i - 1))) {
      NATIVE.lastIndex = i;
      if (NATIVE.test(line)) {
        const end = NATIVE.lastIndex;
        const uuid = end - i === 36 && line.charCodeAt(i + 8) === 0x2d;
        t.mask(i, end, code === 0x2b ? '<phone>' : uuid ? '<uuid>' : VALUE);
        i = end;
        continue;
      }
    }
    i = step(t, i);
  }
  return t.finish();
}

function atSeparator(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return code === 0x3d || (classOf(code) & SEPARATOR) !== 0;
}

/** The same template read chunk by chunk, without SUSPECT's skipping: what the tests hold it to. */
export function templateOfEveryChunk(message: string): string {
  const line = firstLine(message);
  const t = new Template(line);
  for (let i = 0; i < line.length && t.out.length + i - t.copied <= MAX_TEMPLATE_CHARS;) i = step(t, i);
  return t.finish();
}

function firstLine(message: string): string {
  let end = message.indexOf('\n');
  if (end === -1) end = message.length;
  let start = 0;
  while (start < end && message.charCodeAt(start) <= 0x20) start++;
  while (end > start && message.charCodeAt(end - 1) <= 0x20) end--;
  return start === 0 && end === message.length ? message : message.slice(start, end);
}

/**
 * Spaces and plain words, skipped in native code: letters and `_` alone, shorter than 8 or with
 * one that is not hex and shorter than 16 (so neither a hex id nor random letters), with sentence
 * punctuation after them and then a separator. `step` would leave them as they are.
 */
const SEPARATORS = String.raw`\x00-\x20"()[\]{}<>;|\x60\x7f\xa0`;
const PLAIN = new RegExp(
  String.raw`(?:[ \t]+|(?:[A-Za-z_]{1,7}|(?=[A-Za-z_]{0,14}[g-zG-Z_])[A-Za-z_]{8,15})[.,:!?]*(?=[S]|$))*`.replace(
    'S',
    SEPARATORS,
  ),
  'y',
);

/**
 * A chunk that is a number, an E.164 phone or a lower-case UUID (then sentence punctuation and
 * a separator): masked as `step` would mask it, without reading it character by character.
 */
const NATIVE = new RegExp(
  String.raw`(?:\d+(?:\.\d+)?|\+\d{7,15}|[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12})(?=[.,:!?]*(?:[S]|$))`.replace(
    'S',
    SEPARATORS,
  ),
  'y',
);

/** Masks what starts at `i` (or steps over a separator); returns where to go on. */
function step(t: Template, i: number): number {
  const { text } = t;
  const end = text.length;
  const code = text.charCodeAt(i);
  const opens = i === 0 || !isWord(text.charCodeAt(i - 1));
  if ((code === 0x27 || code === 0x22) && opens) {
    const close = quotedEnd(text, i, end);
    if (close !== -1) return masked(t, i, close, '<quoted>');
  }
  if ((code === 0x2b || code === 0x28) && opens) {
    const phone = phoneEnd(text, i, end);
    if (phone !== -1) return masked(t, i, phone, '<phone>');
  }
  return classOf(code) & SEPARATOR || code === 0x3d ? i + 1 : chunk(t, i, end);
}

/** A quote at a token's start closes at the next same quote that ends a token. */
function quotedEnd(text: string, at: number, end: number): number {
  const quote = text[at]!;
  for (
    let close = text.indexOf(quote, at + 1);
    close !== -1 && close < end;
    close = text.indexOf(quote, close + 1)
  )
    if (boundary(text, close + 1, end)) return close + 1;
  return -1;
}

/**
 * A run between separators (`=` separates unless it pads base64): whole-chunk shapes (URL,
 * email, IPv6, base64) first, else token by token. Sentence punctuation after it is not part
 * of the shape.
 */
function chunk(t: Template, start: number, end: number): number {
  const { text } = t;
  let stop = start;
  let seen = 0;
  let url = false;
  for (; stop < end; stop++) {
    const code = text.charCodeAt(stop);
    const cls = classOf(code);
    if (cls & SEPARATOR) break;
    if (cls & COLON && !url) url = isScheme(text, start, stop);
    else if (code === 0x3d && stop + 1 < end && !url) {
      const next = text.charCodeAt(stop + 1);
      if (next !== 0x3d && !(classOf(next) & SEPARATOR)) break;
    }
    seen |= cls;
  }
  // Most chunks are short words: nothing in them can be masked.
  const short = stop - start < 8 && !(seen & (DIGIT | AT | COLON)) && text.charCodeAt(start - 1) !== 0x3d;
  if (short) return stop;
  let core = stop;
  while (core > start && isTrailingPunctuation(text.charCodeAt(core - 1))) core--;
  if (url) t.mask(start, core, '<url>');
  else if (seen & AT && email(t, start, core)) return stop;
  else if (seen & COLON && isIpv6(text, start, core)) t.mask(start, core, '<ip>');
  else if (!(seen & OTHER) && isBase64(text, start, core, seen)) t.mask(start, core, VALUE);
  else tokens(t, start, stop, core);
  return stop;
}

function isTrailingPunctuation(code: number): boolean {
  return code === 0x2e || code === 0x2c || code === 0x3a || code === 0x21 || code === 0x3f;
}

/** `https://`: a `:` after a letter, with `//` after it (the `=` of a query then does not split). */
function isScheme(text: string, start: number, colon: number): boolean {
  const letter = (classOf(text.charCodeAt(colon - 1)) & (UPPER | LOWER)) !== 0;
  return (
    colon > start && letter && text.charCodeAt(colon + 1) === 0x2f && text.charCodeAt(colon + 2) === 0x2f
  );
}

/** `ops@example.com`, also inside a chunk (`mailto:ops@example.com`). */
function email(t: Template, start: number, end: number): boolean {
  const { text } = t;
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
  if (local === at || dot <= at + 1 || dot >= domain) return false;
  tokens(t, start, local, local);
  t.mask(local, domain, '<email>');
  tokens(t, domain, end, end);
  return true;
}

function isEmailChar(code: number): boolean {
  return (classOf(code) & (DIGIT | LETTERS)) !== 0 || code === 0x2e || code === 0x2d || code === 0x2b;
}

/**
 * A long run of letters, digits and `+/=_-` with both cases and a digit, `+` or `=`, or letters
 * whose case changes as no identifier's does: a key, a signature, a Twilio SID. Paths are lower case.
 */
function isBase64(text: string, start: number, end: number, seen: number): boolean {
  if (end - start < MIN_BASE64 || !(seen & UPPER) || !(seen & LOWER)) return false;
  if (seen & DIGIT) return true;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x2b || code === 0x3d) return true;
  }
  return looksRandom(text, start, end);
}

/**
 * Random letters in both cases: lower-case letters standing alone (`XyZ`), many switches to
 * upper case, or both cases after a prefix (`ch_HQrMJKKMnxou…`). CamelCase has at most one
 * lone letter (`IsADirectoryError`) and few switches (`MultiValueDictKeyError`).
 */
function looksRandom(text: string, start: number, end: number): boolean {
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

/** Token by token: numbers and their shapes, words (kept unless they hold digits or are hex). */
function tokens(t: Template, start: number, stop: number, core: number): void {
  const { text } = t;
  for (let i = start; i < stop;) {
    const code = text.charCodeAt(i);
    const cls = classOf(code);
    if (cls & DIGIT) i = numeric(t, i, stop);
    else if (
      (code === 0x2b || code === 0x2d) &&
      isDigit(text.charCodeAt(i + 1)) &&
      !isWord(text.charCodeAt(i - 1))
    )
      i = numeric(t, i, stop);
    else if (cls & LETTERS) i = word(t, i, stop, core);
    else i++;
  }
}

function numeric(t: Template, at: number, end: number): number {
  const { text } = t;
  const code = text.charCodeAt(at);
  const run = digits(text, at, end);
  // A plain number: none of the shapes below goes on with a space, a bracket or the end.
  if (
    run > at &&
    (run === end || !(isWord(text.charCodeAt(run)) || isShapePunctuation(text.charCodeAt(run))))
  )
    return masked(t, at, run, VALUE);
  let shape = -1;
  if (isHex(code) && (shape = uuidEnd(text, at, end)) !== -1) return masked(t, at, shape, '<uuid>');
  if ((shape = dateEnd(text, at, end)) !== -1) {
    const time = text.charCodeAt(shape) === 0x54 ? timeEnd(text, shape + 1, end) : -1;
    if (time !== -1) return masked(t, at, time, '<datetime>');
    if (boundary(text, shape, end)) return masked(t, at, shape, '<date>');
  }
  if ((shape = timeEnd(text, at, end)) !== -1) return masked(t, at, shape, '<time>');
  if ((shape = ipv4End(text, at, end)) !== -1) return masked(t, at, shape, '<ip>');
  if ((shape = phoneEnd(text, at, end)) !== -1) return masked(t, at, shape, '<phone>');
  if ((shape = hexGroupsEnd(text, at, end)) !== -1) return masked(t, at, shape, VALUE);
  const number = numberEnd(text, at, end);
  if (boundary(text, number, end)) return masked(t, at, number, VALUE);
  if ((shape = durationEnd(text, number, end)) !== -1) return masked(t, at, shape, '<duration>');
  if ((shape = sizeEnd(text, number, end)) !== -1) return masked(t, at, shape, '<size>');
  return masked(t, at, wordEnd(text, number, end), VALUE);
}

function isShapePunctuation(code: number): boolean {
  return code === 0x2d || code === 0x2e || code === 0x3a || code === 0x2c || code === 0x2f;
}

function masked(t: Template, start: number, end: number, mask: string): number {
  t.mask(start, end, mask);
  return end;
}

function wordEnd(text: string, at: number, end: number): number {
  while (at < end && isWord(text.charCodeAt(at))) at++;
  return at;
}

/**
 * A word with a digit is an id (`SM0673dee…`, `req_8f3a…`, `user_4411`); so is a run of 8 or
 * more hex letters in one case. A word alone after `key=` is a value (`status=queued`).
 */
function word(t: Template, at: number, end: number, core: number): number {
  const { text } = t;
  let shape = -1;
  if (isHex(text.charCodeAt(at))) {
    if ((shape = uuidEnd(text, at, end)) !== -1) return masked(t, at, shape, '<uuid>');
    if ((shape = hexGroupsEnd(text, at, end)) !== -1) return masked(t, at, shape, VALUE);
  }
  let seen = 0;
  let hex = true;
  let i = at;
  for (; i < end; i++) {
    const code = text.charCodeAt(i);
    const cls = classOf(code);
    if (!(cls & (DIGIT | LETTERS))) break;
    seen |= cls;
    if (hex && !isHex(code)) hex = false;
  }
  if (seen & DIGIT) return masked(t, at, i, VALUE);
  const bothCases = (seen & (UPPER | LOWER)) === (UPPER | LOWER);
  if (hex && i - at >= 8 && !bothCases) return masked(t, at, i, VALUE);
  if (bothCases && i - at >= MIN_BASE64 && looksRandom(text, at, i)) return masked(t, at, i, VALUE);
  if (isValue(text, at, i, core)) return masked(t, at, i, VALUE);
  return i;
}

/** Right after `key=` and alone up to the chunk's end (or a `,`, `&` or `;` list separator). */
function isValue(text: string, at: number, end: number, core: number): boolean {
  if (text.charCodeAt(at - 1) !== 0x3d || !isWord(text.charCodeAt(at - 2))) return false;
  const next = text.charCodeAt(end);
  return end >= core || next === 0x2c || next === 0x26;
}
