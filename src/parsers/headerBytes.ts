import { ASCTIME_PATTERN } from '../core/asctime.js';
import { LEVEL_PATTERN, attributePattern, type CompiledFormat } from './pythonFormat.js';
import { RecordAssembler } from './recordAssembler.js';

/** `match` found no header at that line start. */
export const NOT_HEADER = -1;
/** `match` met a byte it does not judge (non-ASCII in a name): decode the line and ask the regex. */
export const UNSURE = -2;

const Kind = { Literal: 0, Level: 1, Digits: 2, Name: 3, Asctime: 4, Spaces: 5 } as const;
type Kind = (typeof Kind)[keyof typeof Kind];

interface Step {
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

const NO_BYTES = new Uint8Array(0);

/** Every step has the same shape, so the matcher's property loads stay monomorphic. */
function step(kind: Kind, bytes = NO_BYTES, validate = false): Step {
  return { kind, bytes, validate, possessive: false };
}

const LEVEL_NAMES = ['DEBUG', 'INFO', 'WARNING', 'ERROR', 'CRITICAL', 'WARN', 'FATAL', 'NOTSET'].map((name) =>
  Buffer.from(name, 'latin1'),
);
const LEVEL_N = Buffer.from('Level ', 'latin1');
const SPACE = 0x20;
const NEWLINE = 0x0a;

/** Attribute patterns the byte matcher knows, by their regex source (pythonFormat.ts). */
const KINDS: ReadonlyMap<string, Kind> = new Map([
  [LEVEL_PATTERN, Kind.Level],
  [String.raw`\d+`, Kind.Digits],
  [String.raw`[^\s"]+`, Kind.Name],
  [ASCTIME_PATTERN, Kind.Asctime],
]);

/**
 * A format's header regex run on raw bytes at a line start, without decoding the line: the same
 * greedy-with-backtracking semantics as the RegExp for the patterns it knows (levels, digits,
 * names, asctime, padding), and the same date check (a header's asctime is a real date). Built
 * for the value lane of the keyword scan, where decoding each candidate line and running the
 * capturing regex on it cost more than the rest of the scan together.
 */
export class HeaderBytes {
  private readonly minute = new Uint8Array(16);
  /** 0: nothing cached, 1: `minute` is a valid date-hour-minute, 2: an invalid one. */
  private minuteState = 0;

  private constructor(
    private readonly steps: readonly Step[],
    private readonly parseTime: (text: string) => number | null,
    /** The format's regex, for lines the bytes cannot tell. */
    private readonly assembler: RecordAssembler,
  ) {}

  /** Null when the format has a piece the byte matcher does not know (it then stays off). */
  static compile(format: CompiledFormat, parseTime: (text: string) => number | null): HeaderBytes | null {
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
    return new HeaderBytes(steps, parseTime, new RecordAssembler({ format, parseTime, file: '' }));
  }

  /**
   * Where the message starts when the line at `at` starts a record, else NOT_HEADER: on the
   * bytes, or where they cannot tell (UNSURE), with the regex on the line decoded as UTF-8.
   */
  messageStart(bytes: Buffer, at: number): number {
    const message = this.match(bytes, at);
    if (message !== UNSURE) return message;
    const end = bytes.indexOf(NEWLINE, at);
    const line = bytes.toString('utf8', at, end === -1 ? bytes.length : end);
    const length = this.assembler.headerLength(line);
    return length < 0 ? NOT_HEADER : at + Buffer.byteLength(line.slice(0, length));
  }

  /** Where the message starts when a header starts at `at` (a line start), else NOT_HEADER or UNSURE. */
  match(bytes: Buffer, at: number): number {
    return this.run(0, bytes, at);
  }

  private run(first: number, b: Buffer, start: number): number {
    let pos = start;
    for (let index = first; index < this.steps.length; index++) {
      const step = this.steps[index]!;
      switch (step.kind) {
        case Kind.Literal: {
          const literal = step.bytes;
          for (let k = 0; k < literal.length; k++) if (b[pos + k] !== literal[k]) return NOT_HEADER;
          pos += literal.length;
          continue;
        }
        case Kind.Asctime:
          if (!isAsctime(b, pos) || (step.validate && !this.validTime(b, pos))) return NOT_HEADER;
          pos += 23;
          continue;
        case Kind.Level: {
          if (step.possessive) {
            const name = levelNameAt(b, pos);
            if (name) {
              pos += name.length;
              continue;
            }
            if (!startsWith(b, pos, LEVEL_N)) return NOT_HEADER;
            pos = digitsEnd(b, pos + LEVEL_N.length);
            if (pos === NOT_HEADER) return NOT_HEADER;
            continue;
          }
          for (const name of LEVEL_NAMES) {
            if (!startsWith(b, pos, name)) continue;
            const end = this.run(index + 1, b, pos + name.length);
            if (end !== NOT_HEADER) return end;
          }
          return startsWith(b, pos, LEVEL_N)
            ? this.digitsThen(index + 1, b, pos + LEVEL_N.length)
            : NOT_HEADER;
        }
        case Kind.Digits: {
          if (!step.possessive) return this.digitsThen(index + 1, b, pos);
          pos = digitsEnd(b, pos);
          if (pos === NOT_HEADER) return NOT_HEADER;
          continue;
        }
        case Kind.Name: {
          let end = pos;
          for (;;) {
            const c = b[end];
            if (c === undefined || c === SPACE || c === 0x22 || (c >= 0x09 && c <= 0x0d)) break;
            if (c >= 0x80) return UNSURE; // \s also means U+00A0, U+2028…: the regex decides
            end++;
          }
          if (end === pos) return NOT_HEADER;
          if (!step.possessive) return this.backtrack(index + 1, b, pos + 1, end);
          pos = end;
          continue;
        }
        case Kind.Spaces: {
          let end = pos;
          while (b[end] === SPACE) end++;
          if (!step.possessive) return this.backtrack(index + 1, b, pos, end);
          pos = end;
          continue;
        }
      }
    }
    return pos;
  }

  /** \d+ from `pos`, then the steps from `index`. */
  private digitsThen(index: number, b: Buffer, pos: number): number {
    let end = pos;
    while (isDigit(b[end])) end++;
    return this.backtrack(index, b, pos + 1, end);
  }

  /** A greedy run that ended at `end` and needs at least up to `min`: longest first, as a RegExp. */
  private backtrack(index: number, b: Buffer, min: number, end: number): number {
    for (let stop = end; stop >= min; stop--) {
      const result = this.run(index, b, stop);
      if (result !== NOT_HEADER) return result;
    }
    return NOT_HEADER;
  }

  /** The asctime's date is a real one: asked of the parser once per distinct minute. */
  private validTime(b: Buffer, pos: number): boolean {
    let same = this.minuteState !== 0;
    for (let k = 0; same && k < 16; k++) same = b[pos + k] === this.minute[k];
    if (!same) {
      for (let k = 0; k < 16; k++) this.minute[k] = b[pos + k]!;
      this.minuteState = this.parseTime(b.toString('latin1', pos, pos + 16) + ':00,000') === null ? 2 : 1;
    }
    return this.minuteState === 1 && (b[pos + 17]! - 48) * 10 + (b[pos + 18]! - 48) <= 59;
  }
}

/** Whether a run of `kind` can be matched without backtracking before `next`. */
function possessive(kind: Kind, next: Step | undefined): boolean {
  if (next === undefined) return true; // nothing after it: the longest run is the match
  if (next.kind !== Kind.Literal) return false;
  const c = next.bytes[0]!;
  if (kind === Kind.Spaces) return c !== SPACE;
  if (kind === Kind.Digits) return !isDigit(c);
  if (kind === Kind.Level) return !isDigit(c) && !(c >= 0x41 && c <= 0x5a); // WARN, WARNING; Level 5, Level 55
  if (kind === Kind.Name) return c === SPACE || c === 0x22 || (c >= 0x09 && c <= 0x0d);
  return false;
}

/** The level name at `pos` when one is there (WARNING before WARN, as the regex tries them). */
function levelNameAt(b: Buffer, pos: number): Uint8Array | undefined {
  for (const name of LEVEL_NAMES) if (b[pos] === name[0] && startsWith(b, pos, name)) return name;
  return undefined;
}

/** The end of \d+ at `pos`, or NOT_HEADER. */
function digitsEnd(b: Buffer, pos: number): number {
  let end = pos;
  while (isDigit(b[end])) end++;
  return end === pos ? NOT_HEADER : end;
}

function startsWith(b: Buffer, pos: number, prefix: Uint8Array): boolean {
  for (let k = 0; k < prefix.length; k++) if (b[pos + k] !== prefix[k]) return false;
  return true;
}

function isDigit(c: number | undefined): boolean {
  return c !== undefined && c >= 0x30 && c <= 0x39;
}

/** An asctime's bytes: `D` stands for a digit, every other byte for itself. */
const ASCTIME_SHAPE = Buffer.from('DDDD-DD-DD DD:DD:DD,DDD', 'latin1');
const D = 0x44;

/** \d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} */
function isAsctime(b: Buffer, p: number): boolean {
  if (p + 23 > b.length) return false;
  for (let k = 0; k < 23; k++) {
    const want = ASCTIME_SHAPE[k];
    if (want === D ? (b[p + k]! - 0x30) >>> 0 > 9 : b[p + k] !== want) return false;
  }
  return true;
}
