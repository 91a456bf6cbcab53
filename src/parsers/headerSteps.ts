import { ASCTIME_PATTERN } from '../core/asctime.js';
import { HEADER_LEVEL_NAMES, UNNAMED_LEVEL_PREFIX } from '../core/record.js';
import { LEVEL_PATTERN, attributePattern, type CompiledFormat } from './pythonFormat.js';

/**
 * The steps a format's header is matched in on bytes (stepHeader.ts, straightHeader.ts): the
 * pieces of its regex the byte matchers know, and the byte tests they share.
 */

/** No header starts at that line start. */
export const NOT_HEADER = -1;
/** A byte matcher met a byte it does not judge (non-ASCII in a name): decode the line and ask the regex. */
export const UNSURE = -2;

/** A header matched on bytes at a line start: where the message starts, NOT_HEADER or UNSURE. */
export type ByteMatch = (bytes: Buffer, at: number) => number;
/** Whether the asctime at a position of the bytes is a real date. */
export type ValidTime = (bytes: Buffer, at: number) => boolean;

export const Kind = { Literal: 0, Level: 1, Digits: 2, Name: 3, Asctime: 4, Spaces: 5 } as const;
export type Kind = (typeof Kind)[keyof typeof Kind];

export interface Step {
  kind: Kind;
  bytes: Uint8Array;
  /** Asctime whose date decides whether the line is a header (the format's first asctime). */
  validate: boolean;
  /**
   * A run (or level name) that the next step can never take a byte of, so giving bytes back
   * cannot help: matched once, greedily, without backtracking — the common case, and the fast one.
   */
  possessive: boolean;
}

export const NO_BYTES = new Uint8Array(0);

/** Attribute patterns the byte matchers know, by their regex source (pythonFormat.ts). */
const KINDS: ReadonlyMap<string, Kind> = new Map([
  [LEVEL_PATTERN, Kind.Level],
  [String.raw`\d+`, Kind.Digits],
  [String.raw`[^\s"]+`, Kind.Name],
  [ASCTIME_PATTERN, Kind.Asctime],
]);

/**
 * A format's header regex as byte steps, with the same greedy-with-backtracking semantics for the
 * patterns they know (levels, digits, names, asctime, padding); null when the format has a piece
 * they do not know (its header is then matched by the regex alone).
 */
export function headerSteps(format: CompiledFormat): Step[] | null {
  if (!format.headerPieces) return null;
  const steps: Step[] = [];
  let validated = false;
  for (const piece of format.headerPieces) {
    if (piece.literal !== undefined) {
      if (piece.literal.includes('\n')) return null;
      steps.push(step(Kind.Literal, Buffer.from(piece.literal, 'utf8')));
      continue;
    }
    const kind = KINDS.get(attributePattern(piece.attribute!));
    if (kind === undefined) return null;
    const validate = kind === Kind.Asctime && piece.attribute === 'asctime' && !validated;
    if (validate) validated = true;
    if (piece.padded) steps.push(step(Kind.Spaces));
    steps.push(step(kind, NO_BYTES, validate));
    if (piece.padded) steps.push(step(Kind.Spaces));
  }
  steps.forEach((step, i) => (step.possessive = possessive(step.kind, steps[i + 1])));
  return steps;
}

/**
 * The date check of a header's asctime on bytes, as the regex path's `parseTime` decides it:
 * the parser is asked once per distinct minute, the seconds are checked here.
 */
export function validTimeOf(parseTime: (text: string) => number | null): ValidTime {
  const minute = new Uint8Array(16);
  /** 0: nothing cached, 1: `minute` is a valid date-hour-minute, 2: an invalid one. */
  let minuteState = 0;
  return (b, pos) => {
    let same = minuteState !== 0;
    for (let k = 0; same && k < 16; k++) same = b[pos + k] === minute[k];
    if (!same) {
      for (let k = 0; k < 16; k++) minute[k] = b[pos + k]!;
      minuteState = parseTime(b.toString('latin1', pos, pos + 16) + ':00,000') === null ? 2 : 1;
    }
    return minuteState === 1 && (b[pos + 17]! - 48) * 10 + (b[pos + 18]! - 48) <= 59;
  };
}

/** Every step has the same shape, so the matcher's property loads stay monomorphic. */
export function step(kind: Kind, bytes = NO_BYTES, validate = false): Step {
  return { kind, bytes, validate, possessive: false };
}

export const HEADER_LEVEL_BYTES = HEADER_LEVEL_NAMES.map((name) => Buffer.from(name, 'latin1'));
export const LEVEL_N = Buffer.from(UNNAMED_LEVEL_PREFIX, 'latin1');
export const SPACE = 0x20;

/** Whether a run of `kind` can be matched without backtracking before `next`. */
export function possessive(kind: Kind, next: Step | undefined): boolean {
  if (kind === Kind.Literal || kind === Kind.Asctime) return true; // fixed width: nothing to give back
  if (next === undefined) return true; // nothing after it: the longest run is the match
  if (next.kind !== Kind.Literal) return false;
  const c = next.bytes[0]!;
  if (kind === Kind.Spaces) return c !== SPACE;
  if (kind === Kind.Digits) return !isDigit(c);
  if (kind === Kind.Level) return !isDigit(c) && !(c >= 0x41 && c <= 0x5a); // WARN, WARNING; Level 5, Level 55
  if (kind === Kind.Name) return c === SPACE || c === 0x22 || (c >= 0x09 && c <= 0x0d);
  return false;
}

/** The first byte of every header line: a format's level-line prefix, for any level or 'Level 5'. */
export function headerFirstBytes(levelLinePrefix: (level: string) => string): Set<number> {
  const levels = [...HEADER_LEVEL_NAMES, UNNAMED_LEVEL_PREFIX];
  return new Set(levels.map((level) => Buffer.from(levelLinePrefix(level), 'utf8')[0]!));
}

/** The level name at `pos` when one is there (WARNING before WARN, as the regex tries them). */
export function levelNameAt(b: Buffer, pos: number): Uint8Array | undefined {
  for (const name of HEADER_LEVEL_BYTES) if (b[pos] === name[0] && startsWith(b, pos, name)) return name;
  return undefined;
}

/** The end of \d+ at `pos`, or NOT_HEADER. */
export function digitsEnd(b: Buffer, pos: number): number {
  let end = pos;
  while (isDigit(b[end])) end++;
  return end === pos ? NOT_HEADER : end;
}

export function startsWith(b: Buffer, pos: number, prefix: Uint8Array): boolean {
  for (let k = 0; k < prefix.length; k++) if (b[pos + k] !== prefix[k]) return false;
  return true;
}

export function isDigit(c: number | undefined): boolean {
  return c !== undefined && c >= 0x30 && c <= 0x39;
}

/** An asctime's bytes: `D` stands for a digit, every other byte for itself. */
const ASCTIME_SHAPE = Buffer.from('DDDD-DD-DD DD:DD:DD,DDD', 'latin1');
const D = 0x44;

/** \d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} */
export function isAsctime(b: Buffer, p: number): boolean {
  if (p + 23 > b.length) return false;
  for (let k = 0; k < 23; k++) {
    const want = ASCTIME_SHAPE[k];
    if (want === D ? (b[p + k]! - 0x30) >>> 0 > 9 : b[p + k] !== want) return false;
  }
  return true;
}
