import { UsageError } from '../core/errors.js';

/** A requested percentile, kept as an exact fraction so ranks never suffer rounding (p7 of 100 is rank 7). */
export interface Percentile {
  /** 'p50', 'p99.9': the key in JSON and the column in tables. */
  label: string;
  /** p / 100 = numerator / denominator. */
  numerator: bigint;
  denominator: bigint;
}

export const DEFAULT_PERCENTILES = '50,90,95,99,99.9';

/** --percentiles 50,75,99.99: each above 0 and at most 100, duplicates dropped, in ascending order. */
export function parsePercentiles(text: string): Percentile[] {
  const byLabel = new Map<string, Percentile & { value: number }>();
  for (const item of text.split(',')) {
    const percentile = parsePercentile(item.trim().replace(/^p/i, ''), text);
    byLabel.set(percentile.label, percentile);
  }
  if (byLabel.size === 0) throw badPercentiles(text);
  return [...byLabel.values()].sort((a, b) => a.value - b.value).map(({ value: _, ...p }) => p);
}

/** One percentile written as a decimal number: '99.9' → 999/1000 of the values. */
export function parsePercentile(text: string, whole = text): Percentile & { value: number } {
  const match = /^(\d{1,3})(?:\.(\d{1,9}))?$/.exec(text);
  if (!match) throw badPercentiles(whole);
  const decimals = (match[2] ?? '').replace(/0+$/, '');
  const value = Number(`${match[1]}.${decimals || '0'}`);
  if (!(value > 0 && value <= 100)) throw badPercentiles(whole);
  const label = `p${Number(match[1])}${decimals ? `.${decimals}` : ''}`;
  return {
    label,
    value,
    numerator: BigInt(match[1]! + decimals),
    denominator: 100n * 10n ** BigInt(decimals.length),
  };
}

/**
 * The nearest-rank definition: the smallest value with at least p % of the values at or below
 * it, i.e. the value at 1-based rank ⌈p/100 · n⌉ of the sorted values. Always a value that was
 * seen; p100 is the maximum.
 */
export function nearestRank(percentile: Percentile, count: number): number {
  const { numerator, denominator } = percentile;
  const rank = (numerator * BigInt(count) + denominator - 1n) / denominator;
  return Math.max(1, Number(rank));
}

function badPercentiles(text: string): UsageError {
  return new UsageError(
    `bad --percentiles "${text}"; expected numbers above 0 and at most 100, e.g. 50,90,99.9`,
  );
}
