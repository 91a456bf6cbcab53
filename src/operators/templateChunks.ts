import { MIN_BASE64, emailSpan, isBase64, isIpv6, isScheme, looksRandom } from './chunkShapes.js';
import { isRandomLetters } from './randomLetters.js';
import { VALUE, type TemplateWriter } from './templateWriter.js';
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
  isWord,
  numberEnd,
  phoneEnd,
  sizeEnd,
  timeEnd,
  uuidEnd,
} from './tokenShapes.js';

// One line read chunk by chunk: a chunk is a run between separators, read whole for the shapes
// that span punctuation (URL, email, IPv6, base64), else token by token.

const LETTERS = UPPER | LOWER | UNDERSCORE;

/** Masks what starts at `i` (or steps over a separator); returns where to go on. */
export function step(t: TemplateWriter, i: number): number {
  const { text } = t;
  const end = text.length;
  const code = text.charCodeAt(i);
  const opens = i === 0 || !isWord(text.charCodeAt(i - 1));
  if ((code === 0x27 || code === 0x22) && opens) {
    const close = quotedEnd(text, i, end);
    if (close !== -1) return t.mask(i, close, '<quoted>');
  }
  if ((code === 0x2b || code === 0x28) && opens) {
    const phone = phoneEnd(text, i, end);
    if (phone !== -1) return t.mask(i, phone, '<phone>');
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
function chunk(t: TemplateWriter, start: number, end: number): number {
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
  let span: [number, number] | null = null;
  while (core > start && isTrailingPunctuation(text.charCodeAt(core - 1))) core--;
  if (url) t.mask(start, core, '<url>');
  else if (seen & AT && (span = emailSpan(text, start, core)) !== null) {
    tokens(t, start, span[0], span[0]);
    t.mask(span[0], span[1], '<email>');
    tokens(t, span[1], stop, core);
  } else if (seen & COLON && isIpv6(text, start, core)) t.mask(start, core, '<ip>');
  else if (!(seen & OTHER) && isBase64(text, start, core, seen)) t.mask(start, core, VALUE);
  else if (isAbsolutePath(text, start, core)) t.mask(start, core, '<path>');
  else tokens(t, start, stop, core);
  return stop;
}

/**
 * `/media/uploads/4411/avatar.png`, `/tmp/tmpxkqzbwta`, `/sms/webhook/`: a path is data (Django
 * logs `Internal Server Error: %s` with the request's), and its parts need not hold a digit.
 */
function isAbsolutePath(text: string, start: number, end: number): boolean {
  const next = text.charCodeAt(start + 1);
  return text.charCodeAt(start) === 0x2f && start + 1 < end && (isWord(next) || next === 0x2e);
}

function isTrailingPunctuation(code: number): boolean {
  return code === 0x2e || code === 0x2c || code === 0x3a || code === 0x21 || code === 0x3f;
}

/** Token by token: numbers and their shapes, words (kept unless they hold digits or are hex). */
function tokens(t: TemplateWriter, start: number, stop: number, core: number): void {
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

function numeric(t: TemplateWriter, at: number, end: number): number {
  const { text } = t;
  const code = text.charCodeAt(at);
  const run = digits(text, at, end);
  // A plain number: none of the shapes below goes on with a space, a bracket or the end.
  if (
    run > at &&
    (run === end || !(isWord(text.charCodeAt(run)) || isShapePunctuation(text.charCodeAt(run))))
  )
    return t.mask(at, run, VALUE);
  let shape = -1;
  if (isHex(code) && (shape = uuidEnd(text, at, end)) !== -1) return t.mask(at, shape, '<uuid>');
  if ((shape = dateEnd(text, at, end)) !== -1) {
    const time = text.charCodeAt(shape) === 0x54 ? timeEnd(text, shape + 1, end) : -1;
    if (time !== -1) return t.mask(at, time, '<datetime>');
    if (boundary(text, shape, end)) return t.mask(at, shape, '<date>');
  }
  if ((shape = timeEnd(text, at, end)) !== -1) return t.mask(at, shape, '<time>');
  if ((shape = ipv4End(text, at, end)) !== -1) return t.mask(at, shape, '<ip>');
  if ((shape = phoneEnd(text, at, end)) !== -1) return t.mask(at, shape, '<phone>');
  if ((shape = hexGroupsEnd(text, at, end)) !== -1) return t.mask(at, shape, VALUE);
  const number = numberEnd(text, at, end);
  if (boundary(text, number, end)) return t.mask(at, number, VALUE);
  if ((shape = durationEnd(text, number, end)) !== -1) return t.mask(at, shape, '<duration>');
  if ((shape = sizeEnd(text, number, end)) !== -1) return t.mask(at, shape, '<size>');
  return t.mask(at, wordEnd(text, number, end), VALUE);
}

function isShapePunctuation(code: number): boolean {
  return code === 0x2d || code === 0x2e || code === 0x3a || code === 0x2c || code === 0x2f;
}

function wordEnd(text: string, at: number, end: number): number {
  while (at < end && isWord(text.charCodeAt(at))) at++;
  return at;
}

/**
 * A word with a digit is an id (`SM0673dee…`, `req_8f3a…`, `user_4411`); so is a run of 8 or
 * more hex letters in one case. A word alone after `key=` is a value (`status=queued`).
 */
function word(t: TemplateWriter, at: number, end: number, core: number): number {
  const { text } = t;
  let shape = -1;
  if (isHex(text.charCodeAt(at))) {
    if ((shape = uuidEnd(text, at, end)) !== -1) return t.mask(at, shape, '<uuid>');
    if ((shape = hexGroupsEnd(text, at, end)) !== -1) return t.mask(at, shape, VALUE);
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
  if (seen & DIGIT) return t.mask(at, i, VALUE);
  const bothCases = (seen & (UPPER | LOWER)) === (UPPER | LOWER);
  if (hex && i - at >= 8 && !bothCases) return t.mask(at, i, VALUE);
  if (bothCases && (i - at >= MIN_BASE64 ? looksRandom(text, at, i) : isRandomLetters(text.slice(at, i))))
    return t.mask(at, i, VALUE);
  if (isValue(text, at, i, core)) return t.mask(at, i, VALUE);
  return i;
}

/** Right after `key=` and alone up to the chunk's end (or a `,`, `&` or `;` list separator). */
function isValue(text: string, at: number, end: number, core: number): boolean {
  if (text.charCodeAt(at - 1) !== 0x3d || !isWord(text.charCodeAt(at - 2))) return false;
  const next = text.charCodeAt(end);
  return end >= core || next === 0x2c || next === 0x26;
}
