import type { LogRecord } from '../core/record.js';
import { GARBAGE, type DurationReader, type DurationReading } from './durationReader.js';
import { UsageError } from '../core/errors.js';
import { durationSeconds, NUMBER_WITH_UNIT, secondsOf, unitAt } from './durationText.js';
import { ProcessingTimeReader } from './processingTimeReader.js';
import { requiredLiteral } from './regexLiterals.js';

export { GARBAGE, type DurationReader, type DurationReading } from './durationReader.js';

export interface DurationSourceOptions {
  pattern?: string;
  field?: string;
  /** Power of ten of the unit of a number written without one (--unit; 0: seconds). */
  bareExponent: number;
}

/** --pattern, --field or the default processing_time reader: options compiled once. */
export function compileDurationReader(options: DurationSourceOptions): DurationReader {
  if (options.pattern !== undefined && options.field !== undefined)
    throw new UsageError('--pattern and --field exclude each other; give one');
  if (options.pattern !== undefined) return new PatternReader(options.pattern, options.bareExponent);
  if (options.field !== undefined) return new FieldReader(options.field, options.bareExponent);
  return new ProcessingTimeReader(options.bareExponent);
}

/**
 * --pattern REGEX with a named group `value` and an optional `unit`: `took (?<value>\d+)ms`.
 * Without a unit group, a unit written right after the value is read ("812ms"), else --unit.
 */
class PatternReader implements DurationReader {
  garbageText = '';
  readonly describe: string;
  readonly keyword?: string;
  private readonly regex: RegExp;
  /** The same with indices ('d'), slower: only to find where an ambiguous value ends. */
  private readonly withIndices: RegExp;

  constructor(
    source: string,
    private readonly bareExponent: number,
  ) {
    this.describe = `--pattern "${source}"`;
    try {
      this.regex = new RegExp(source);
      this.withIndices = new RegExp(source, 'd');
    } catch (error) {
      const reason = (error as Error).message.replace(/^Invalid regular expression: /, '');
      throw new UsageError(`bad --pattern regex "${source}": ${reason}`);
    }
    // An alternative that matches '' lists every named group of the pattern, matched or not.
    const groups = new RegExp(`(?:${source})|`).exec('')?.groups ?? {};
    if (!Object.hasOwn(groups, 'value'))
      throw new UsageError(
        `bad --pattern "${source}": no (?<value>…) group; e.g. 'took (?<value>\\d+(?:\\.\\d+)?)(?<unit>ms|s)'`,
      );
    this.keyword = requiredLiteral(source);
  }

  read(record: LogRecord): DurationReading {
    const match = this.regex.exec(record.message);
    if (!match) return null;
    const value = match.groups?.value;
    const unit = match.groups?.unit;
    let seconds: number | null = null;
    if (value !== undefined) {
      NUMBER_WITH_UNIT.lastIndex = 0;
      const number = NUMBER_WITH_UNIT.exec(value);
      if (number && number[0].length === value.length) {
        const written =
          unit || number[2] || unitAt(record.message, this.valueEnd(record.message, match, value));
        seconds = secondsOf(number[1]!, written, this.bareExponent);
      }
    }
    if (seconds !== null) return seconds;
    this.garbageText = match[0];
    return GARBAGE;
  }

  /** Where the value ends in the message: found in the match text when it occurs there once. */
  private valueEnd(message: string, match: RegExpExecArray, value: string): number {
    const at = match[0].indexOf(value);
    if (at === match[0].lastIndexOf(value)) return match.index + at + value.length;
    return this.withIndices.exec(message)!.indices!.groups!.value![1];
  }
}

/**
 * --field NAME: an attribute of a custom --format (`%(duration)s`), or key NAME of a message that
 * is a JSON object, which is also what a JSON line that matched no format is. Numbers are in
 * --unit, strings may carry their unit ("0.5s").
 */
class FieldReader implements DurationReader {
  garbageText = '';
  readonly describe: string;

  constructor(
    private readonly name: string,
    private readonly bareExponent: number,
  ) {
    if (name.trim() === '') throw new UsageError('bad --field ""; expected a field name such as duration');
    this.describe = `field "${name}"`;
  }

  read(record: LogRecord): DurationReading {
    const { name } = this;
    if (record.extra && Object.hasOwn(record.extra, name)) return this.fromValue(record.extra[name]);
    const text = record.message;
    if (!text.trimStart().startsWith('{')) return null;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return null;
    }
    if (typeof parsed !== 'object' || parsed === null || !Object.hasOwn(parsed, name)) return null;
    return this.fromValue((parsed as Record<string, unknown>)[name]);
  }

  private fromValue(value: unknown): DurationReading {
    let seconds: number | null = null;
    if (typeof value === 'number') seconds = secondsOf(String(value), undefined, this.bareExponent);
    else if (typeof value === 'string') seconds = durationSeconds(value.trim(), this.bareExponent);
    if (seconds !== null) return seconds;
    this.garbageText = `${this.name}=${typeof value === 'string' ? value : JSON.stringify(value)}`;
    return GARBAGE;
  }
}
