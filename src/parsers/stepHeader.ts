import { ASCTIME_PATTERN } from '../core/asctime.js';
import { LEVEL_PATTERN, attributePattern, type CompiledFormat } from './pythonFormat.js';
import { RecordAssembler } from './recordAssembler.js';
import {
  Kind,
  LEVEL_N,
  HEADER_LEVEL_BYTES,
  NO_BYTES,
  NOT_HEADER,
  SPACE,
  UNSURE,
  digitsEnd,
  isAsctime,
  isDigit,
  levelNameAt,
  possessive,
  startsWith,
  step,
  type Step,
} from './headerSteps.js';
import { straightMatcher, type StraightMatcher } from './straightHeader.js';
import { NEWLINE } from '../core/lineBytes.js';

export { NOT_HEADER, UNSURE } from './headerSteps.js';

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
  /** The steps as code written for this format, when none backtracks (straightHeader.ts). */
  private readonly straight: StraightMatcher | null;

  private constructor(
    private readonly steps: readonly Step[],
    private readonly parseTime: (text: string) => number | null,
    /** The format's regex, for lines the bytes cannot tell. */
    private readonly assembler: RecordAssembler,
  ) {
    this.straight = straightMatcher(steps, (bytes, at) => this.validTime(bytes, at));
  }

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
    const straight = this.straight;
    return straight !== null ? straight(bytes, at) : this.run(0, bytes, at);
  }

  /** `match` by the step interpreter, even where straight-line code was written (for tests). */
  matchBySteps(bytes: Buffer, at: number): number {
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
          for (const name of HEADER_LEVEL_BYTES) {
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
