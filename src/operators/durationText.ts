import { unknownChoice } from '../core/errors.js';

// Durations as log lines write them (processing_time=812 msec): wider than the options' grammar
// (core/duration.ts), since smsmon does not choose how an app spells its values.

/**
 * The power of ten of a second, by every name a log line or --unit may spell a unit with.
 * Exponents rather than factors: '812' ms is read as the decimal 812e-3, the double nearest to
 * 0.812, where 812 * 0.001 would be 0.8120000000000001.
 */
export const UNIT_EXPONENTS: Readonly<Record<string, number>> = {
  s: 0,
  sec: 0,
  secs: 0,
  second: 0,
  seconds: 0,
  ms: -3,
  msec: -3,
  msecs: -3,
  millisecond: -3,
  milliseconds: -3,
  us: -6,
  µs: -6, // U+00B5 micro sign
  μs: -6, // U+03BC Greek mu, which some formatters write instead
  usec: -6,
  usecs: -6,
  microsecond: -6,
  microseconds: -6,
};

/** The short names offered in messages. */
export const UNIT_CHOICES = ['s', 'ms', 'us'];

const UNIT_ALTERNATIVES = Object.keys(UNIT_EXPONENTS)
  .sort((a, b) => b.length - a.length) // longest first: 'ms' before 's', 'seconds' before 'second'
  .join('|');

/**
 * A number and an optional unit (one space allowed before it), ending where a word or a number
 * would end: at a space, punctuation that closes a field, a sentence's final '.', or the end.
 * Sticky: it is applied right where a value should start.
 */
export const NUMBER_WITH_UNIT = new RegExp(
  String.raw`(\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?) ?(${UNIT_ALTERNATIVES})?(?=$|[\s,;)\]}"'|&]|\.(?:$|\s))`,
  'y',
);

/** A unit written right after a value a --pattern captured without a `unit` group ("812ms"). */
const UNIT_AFTER = new RegExp(String.raw` ?(${UNIT_ALTERNATIVES})(?![\p{L}\p{N}_])`, 'uy');

/** The power of ten of a unit name; undefined when unknown. */
export function unitExponent(name: string): number | undefined {
  if (Object.hasOwn(UNIT_EXPONENTS, name)) return UNIT_EXPONENTS[name];
  const lower = name.toLowerCase();
  return Object.hasOwn(UNIT_EXPONENTS, lower) ? UNIT_EXPONENTS[lower] : undefined;
}

/**
 * The seconds a duration text means: '1.234', '0.53s', '812 ms'; numbers without a unit are in
 * the unit of `bareExponent`. Null when the text is not a finite, non-negative duration (garbage).
 */
export function durationSeconds(text: string, bareExponent: number): number | null {
  NUMBER_WITH_UNIT.lastIndex = 0;
  const match = NUMBER_WITH_UNIT.exec(text);
  if (!match || match[0].length !== text.length) return null;
  return secondsOf(match[1]!, match[2], bareExponent);
}

/** Seconds of a matched number and unit; null when not finite (1e999) or the unit is unknown. */
export function secondsOf(number: string, unit: string | undefined, bareExponent: number): number | null {
  const exponent = unit === undefined || unit === '' ? bareExponent : unitExponent(unit);
  if (exponent === undefined) return null;
  const value =
    exponent === 0
      ? Number(number)
      : /[eE]/.test(number)
        ? Number(number) * 10 ** exponent
        : Number(`${number}e${exponent}`);
  return Number.isFinite(value) && value >= 0 ? value : null;
}

/** The unit written at `at` in `text`, if any ('ms' of "812ms" after the 812). */
export function unitAt(text: string, at: number): string | undefined {
  UNIT_AFTER.lastIndex = at;
  return UNIT_AFTER.exec(text)?.[1];
}

/** --unit: the unit of numbers written without one, as its power of ten. */
export function parseUnitOption(text: string): number {
  const exponent = unitExponent(text.trim());
  if (exponent === undefined) throw unknownChoice('unit', text, UNIT_CHOICES);
  return exponent;
}
