import {
  Kind,
  LEVEL_N,
  HEADER_LEVEL_BYTES,
  NOT_HEADER,
  SPACE,
  UNSURE,
  digitsEnd,
  isAsctime,
  isDigit,
  levelNameAt,
  startsWith,
  type ByteMatch,
  type Step,
  type ValidTime,
} from './headerSteps.js';

/**
 * A format's header regex run on raw bytes at a line start, without decoding the line, by
 * interpreting its steps (headerSteps.ts): the same greedy-with-backtracking semantics as the
 * RegExp for the patterns the steps know, and the same date check. It takes every format that
 * has steps, the ones whose runs must give bytes back included.
 */
export function stepMatch(steps: readonly Step[], validTime: ValidTime): ByteMatch {
  const interpreter = new StepInterpreter(steps, validTime);
  return (bytes, at) => interpreter.run(0, bytes, at);
}

class StepInterpreter {
  constructor(
    private readonly steps: readonly Step[],
    private readonly validTime: ValidTime,
  ) {}

  /** The steps from `first` on, from `start`: where the message starts, NOT_HEADER or UNSURE. */
  run(first: number, b: Buffer, start: number): number {
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
}
