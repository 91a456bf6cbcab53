import type { CompiledFormat } from './pythonFormat.js';
import {
  NOT_HEADER,
  UNSURE,
  headerSteps,
  validTimeOf,
  type ByteMatch,
  type Step,
  type ValidTime,
} from './headerSteps.js';
import { RegexHeader, type HeaderMatch } from './regexHeader.js';
import { stepMatch } from './stepHeader.js';
import { straightMatch } from './straightHeader.js';

export { NOT_HEADER, type HeaderMatch };

/** Whether a line starts a record (a header line), asked of its bytes or of its decoded text. */
export interface HeaderMatcher {
  /** Where the message starts (a byte offset) when the line that starts at `at` is a header, else NOT_HEADER. */
  messageStart(bytes: Buffer, at: number): number;
  /** A decoded header line's captures and time (what a record is built from); null when it is no header. */
  headerOf(text: string): HeaderMatch | null;
  /** Whether messageStart reads bytes without decoding the line (false: it decodes every line it is asked about). */
  readonly onBytes: boolean;
}

/**
 * The ways to answer on bytes, preferred first; each may decline a format (null). Formats with a
 * piece no byte matcher knows, or none that takes them, are left to the regex.
 */
export const BYTE_MATCHERS: readonly ((steps: readonly Step[], validTime: ValidTime) => ByteMatch | null)[] =
  [straightMatch, stepMatch];

/** The header matcher of a format, its times read by `parseTime` (a header's asctime must be a real date). */
export function headerMatcherFor(
  format: CompiledFormat,
  parseTime: (text: string) => number | null,
): HeaderMatcher {
  return headerMatchersFor(format, parseTime)[0]!;
}

/**
 * Every matcher that takes the format, preferred first, the regex last: they give the same
 * answers, so the first is the format's matcher (and tests compare them all).
 */
export function headerMatchersFor(
  format: CompiledFormat,
  parseTime: (text: string) => number | null,
): HeaderMatcher[] {
  const regex = new RegexHeader(format, parseTime);
  const steps = headerSteps(format);
  const matchers: HeaderMatcher[] = [];
  if (steps) {
    for (const byteMatcher of BYTE_MATCHERS) {
      const match = byteMatcher(steps, validTimeOf(parseTime));
      if (match) matchers.push(new BytesHeader(match, regex));
    }
  }
  matchers.push(regex);
  return matchers;
}

/** A matcher that reads a line's bytes, and leaves decoded lines and the bytes it is unsure of to the regex. */
class BytesHeader implements HeaderMatcher {
  readonly onBytes = true;

  constructor(
    private readonly match: ByteMatch,
    private readonly regex: HeaderMatcher,
  ) {}

  messageStart(bytes: Buffer, at: number): number {
    const message = this.match(bytes, at);
    return message !== UNSURE ? message : this.regex.messageStart(bytes, at);
  }

  headerOf(text: string): HeaderMatch | null {
    return this.regex.headerOf(text);
  }
}
