import { parseDurationSeconds } from '../core/duration.js';
import { UsageError } from '../core/errors.js';
import type { LatencyStats } from './latencyStats.js';
import { parsePercentile, type Percentile } from './percentiles.js';

/** One --fail-over limit: a statistic of the total and the most it may be. */
export interface Threshold {
  /** As the user wrote it: 'p95=2s'. */
  text: string;
  stat: 'min' | 'mean' | 'max' | Percentile;
  limit: number;
}

export interface Breach {
  threshold: Threshold;
  value: number;
}

const NAMED_STATS = ['min', 'mean', 'max'] as const;

/** --fail-over p95=2s,p99=5s (repeatable): compiled before the scan so a typo fails at once. */
export function parseThresholds(texts: readonly string[]): Threshold[] {
  return texts
    .flatMap((text) => text.split(','))
    .map((item) => item.trim())
    .filter(Boolean)
    .map((text) => {
      const match = /^([^=\s]+)\s*=\s*(.+)$/.exec(text);
      if (!match) throw badThreshold(text);
      const name = match[1]!.toLowerCase();
      let stat: Threshold['stat'];
      if ((NAMED_STATS as readonly string[]).includes(name)) stat = name as Threshold['stat'];
      else if (/^p\d/.test(name)) stat = percentileOf(name.slice(1), text);
      else throw badThreshold(text);
      return { text, stat, limit: parseDurationSeconds('--fail-over', match[2]!, { zero: true }) };
    });
}

/** The limits the total exceeds (strictly above); none when there were no values. */
export function breaches(thresholds: readonly Threshold[], stats: LatencyStats): Breach[] {
  if (stats.count === 0) return [];
  const out: Breach[] = [];
  for (const threshold of thresholds) {
    const { stat } = threshold;
    const value =
      stat === 'min'
        ? stats.min
        : stat === 'max'
          ? stats.max
          : stat === 'mean'
            ? stats.mean!
            : stats.valuesOf([stat])[0]!;
    if (value > threshold.limit) out.push({ threshold, value });
  }
  return out;
}

function percentileOf(digits: string, text: string): Percentile {
  try {
    return parsePercentile(digits);
  } catch {
    throw badThreshold(text);
  }
}

function badThreshold(text: string): UsageError {
  return new UsageError(
    `bad --fail-over "${text}"; expected STAT=DURATION with STAT one of p50…p99.9, min, mean, max, e.g. p95=2s`,
  );
}
