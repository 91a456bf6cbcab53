import { UsageError } from './errors.js';

/**
 * The one duration grammar of every option, config key and the config's JSON Schema:
 * a plain number of seconds (`10`, `0.5`), or terms with units largest first, each unit at most
 * once (`500ms`, `90s`, `15m`, `2h`, `1d`, `1w`, `1h30m`, `1h 30m`). Spaces may stand between a
 * number and its unit and between terms, and around the whole. Units are case-sensitive (`m` is a
 * minute, `ms` a millisecond).
 */

/** Each unit's size as mantissa × 10^exponent seconds, so 812ms is read as the decimal 0.812. */
interface Unit {
  readonly names: readonly string[];
  readonly mantissa: number;
  readonly exponent: number;
}

const UNITS: readonly Unit[] = [
  { names: ['w'], mantissa: 604_800, exponent: 0 },
  { names: ['d'], mantissa: 86_400, exponent: 0 },
  { names: ['h'], mantissa: 3_600, exponent: 0 },
  { names: ['min', 'm'], mantissa: 60, exponent: 0 },
  { names: ['sec', 's'], mantissa: 1, exponent: 0 },
  { names: ['ms'], mantissa: 1, exponent: -3 },
  { names: ['us', 'µs'], mantissa: 1, exponent: -6 },
];

// The whole part is bounded so no duration overflows to Infinity; the fraction is not (a
// threshold may be written as JavaScript prints a number: 0.0007308000000000001s).
const NUMBER = String.raw`\d{1,9}(?:\.\d+)?`;
const TERMS = UNITS.map((u) => String.raw`(?:(${NUMBER})\s*(?:${u.names.join('|')})\s*)?`).join('');
/** Any duration, zero included ('0s' back from now is now). */
const ANY = String.raw`^\s*(?:(${NUMBER})\s*$|${TERMS}$)`;
/** A nonzero digit somewhere: the value is above zero. */
const NONZERO = '(?=[^1-9]*[1-9])';

/** The JSON Schema `pattern` of a duration (above zero); compiled with the 'u' flag. */
export const DURATION_PATTERN = `${NONZERO}${ANY}`;

const POSITIVE_DURATION = new RegExp(DURATION_PATTERN, 'u');
const ANY_DURATION = new RegExp(ANY, 'u');

/** What a duration looks like, for messages. */
export const DURATION_FORMS = 'a duration like 10 (seconds), 500ms, 90s, 15m, 1h30m, 2d';

/** setTimeout's longest delay (2^31 − 1 ms, about 24.8 days): a longer one would fire at once. */
export const LONGEST_TIMER_MS = 2 ** 31 - 1;

export interface DurationChoice {
  /** '0s' is allowed (a --fail-over limit, a --since of now); else a duration must be above zero. */
  readonly zero?: boolean;
  /** A timer's delay (a timeout, an interval): longer ones wait LONGEST_TIMER_MS. */
  readonly timer?: boolean;
}

/** Milliseconds of a duration option: `--timeout 10` is 10 000. A usage error names the forms. */
export function parseDuration(option: string, text: string, choice: DurationChoice = {}): number {
  return measure(option, text, -3, choice);
}

/** Seconds of a duration option, as exact as the decimal written (`p99=800ms` is 0.8). */
export function parseDurationSeconds(option: string, text: string, choice: DurationChoice = {}): number {
  return measure(option, text, 0, choice);
}

/** Milliseconds of a config duration (already checked by the schema, so this does not throw). */
export function durationMs(text: string, choice: DurationChoice = {}): number {
  return parseDuration('duration', text, choice);
}

/** Milliseconds of `text` when it is a duration (zero included), else undefined. */
export function durationMsOf(text: string): number | undefined {
  const match = ANY_DURATION.exec(text);
  return match ? valueOf(match, -3) : undefined;
}

function measure(
  option: string,
  text: string,
  baseExponent: number,
  { zero = false, timer = false }: DurationChoice,
): number {
  const match = (zero ? ANY_DURATION : POSITIVE_DURATION).exec(text);
  if (!match) throw new UsageError(`bad ${option} "${text}"; expected ${DURATION_FORMS}`);
  const value = valueOf(match, baseExponent);
  return timer ? Math.min(value, LONGEST_TIMER_MS * 10 ** (-3 - baseExponent)) : value;
}

/** The matched terms in units of 10^baseExponent seconds. */
function valueOf(match: RegExpExecArray, baseExponent: number): number {
  const plain = match[1];
  if (plain !== undefined) return scaled(plain, -baseExponent);
  let total = 0;
  UNITS.forEach((unit, i) => {
    const number = match[i + 2];
    if (number !== undefined) total += scaled(number, unit.exponent - baseExponent) * unit.mantissa;
  });
  return total;
}

/** number × 10^exponent read as one decimal: '812' × 10^-3 is the double nearest to 0.812. */
function scaled(number: string, exponent: number): number {
  return exponent === 0 ? Number(number) : Number(`${number}e${exponent}`);
}
