import { UsageError } from '../../core/errors.js';

/** Digits only: Number() alone would also take '', '1e3', '0x10' and '1.0'. */
const DIGITS = /^\d+$/;

/**
 * The one parser of a count, limit or id given on the command line: digits (spaces around them
 * allowed) from `min` to `max`; anything else is `bad <flag> "<text>"; expected <expected>`.
 */
export function parseWholeNumber(
  flag: string,
  text: string,
  expected: string,
  min = 0,
  max = Number.MAX_SAFE_INTEGER,
): number {
  const trimmed = text.trim();
  const value = Number(trimmed);
  if (!DIGITS.test(trimmed) || value < min || value > max)
    throw new UsageError(`bad ${flag} "${text}"; expected ${expected}`);
  return value;
}
