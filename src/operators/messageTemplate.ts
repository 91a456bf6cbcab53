import { detach } from '../core/detach.js';
import { step } from './templateChunks.js';
import { TemplateWriter, VALUE } from './templateWriter.js';
import { SEPARATOR, classOf, isDigit } from './tokenShapes.js';

/**
 * Masks the variable parts of a message's first line by the shape of each token, whatever the
 * wording, so that one logging statement is one template:
 * `Task process_sms[9f0c…] failed for user_id=41 after 3 retries` →
 * `Task process_sms[<uuid>] failed for user_id=<*> after <*> retries`. Plain words are kept;
 * a token with a digit in it is an id, a number, a date, an address… (tokenShapes.ts). The
 * template depends on the message alone — not on the order of the input, as a template miner's
 * (Drain) would — so runs, hosts, --compare windows and exporter labels agree.
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
  const t = new TemplateWriter(line);
  for (let i = 0; i < line.length && !t.full(i);) {
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
        i = t.mask(i, end, code === 0x2b ? '<phone>' : uuid ? '<uuid>' : VALUE);
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

/** The same template read chunk by chunk, without PLAIN and NATIVE: what the tests hold it to. */
export function templateOfEveryChunk(message: string): string {
  const line = firstLine(message);
  const t = new TemplateWriter(line);
  for (let i = 0; i < line.length && !t.full(i);) i = step(t, i);
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
 * Spaces and plain words, skipped in native code: letters and `_` alone, shorter than 8, or in
 * one case (a capital first allowed) with a letter that is not hex and shorter than 16 (so neither
 * a hex id nor random letters), with sentence
 * punctuation after them and then a separator. `step` would leave them as they are.
 */
const SEPARATORS = String.raw`\x00-\x20"()[\]{}<>;|\x60\x7f\xa0`;
const PLAIN = new RegExp(
  String.raw`(?:[ \t]+|(?:[A-Za-z_]{1,7}|(?=[A-Za-z_]{0,14}[g-zG-Z_])(?:[A-Z]?[a-z_]{7,14}|[A-Z_]{8,15}))[.,:!?]*(?=[S]|$))*`.replace(
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
