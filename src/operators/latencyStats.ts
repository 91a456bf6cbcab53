import { LogBuckets, type Bucket } from './logBuckets.js';
import { nearestRank, type Percentile } from './percentiles.js';
import type { QuantileStore } from './quantileStore.js';

/** What `latency` reports for a set of durations, in seconds; null fields when count is 0. */
export interface LatencySummary {
  count: number;
  min: number | null;
  mean: number | null;
  max: number | null;
  percentiles: Array<{ label: string; value: number | null }>;
}

/**
 * Count, exact min/max/mean and percentiles from a QuantileStore; with a histogram, exact
 * log-bucket counts. `push` is the per-value path: no allocation.
 */
export class LatencyStats {
  count = 0;
  min = Infinity;
  max = -Infinity;
  // Neumaier summation: the mean of a million values stays exact to the last digits.
  private sum = 0;
  private compensation = 0;

  constructor(
    readonly store: QuantileStore,
    readonly buckets: LogBuckets | null,
  ) {}

  push(seconds: number): void {
    this.count++;
    if (seconds < this.min) this.min = seconds;
    if (seconds > this.max) this.max = seconds;
    this.add(seconds);
    this.store.add(seconds);
    this.buckets?.add(seconds);
  }

  merge(other: LatencyStats): void {
    this.count += other.count;
    this.min = Math.min(this.min, other.min);
    this.max = Math.max(this.max, other.max);
    this.add(other.sum);
    this.add(other.compensation);
    this.store.merge(other.store);
    if (other.buckets) this.buckets?.merge(other.buckets);
  }

  get mean(): number | null {
    return this.count === 0 ? null : (this.sum + this.compensation) / this.count;
  }

  /** The value of each percentile (nearest rank); null when there are no values. */
  valuesOf(percentiles: readonly Percentile[]): Array<number | null> {
    if (this.count === 0) return percentiles.map(() => null);
    const ranks = percentiles.map((p) => nearestRank(p, this.count));
    const order = ranks.map((_, i) => i).sort((a, b) => ranks[a]! - ranks[b]!);
    const values = this.store.valuesAtRanks(order.map((i) => ranks[i]!));
    const out: number[] = [];
    order.forEach((i, at) => (out[i] = values[at]!));
    return out;
  }

  summary(percentiles: readonly Percentile[]): LatencySummary {
    const empty = this.count === 0;
    const values = this.valuesOf(percentiles);
    return {
      count: this.count,
      min: empty ? null : this.min,
      mean: this.mean,
      max: empty ? null : this.max,
      percentiles: percentiles.map((p, i) => ({ label: p.label, value: values[i]! })),
    };
  }

  histogram(): Bucket[] {
    return this.buckets?.buckets() ?? [];
  }

  private add(value: number): void {
    const total = this.sum + value;
    this.compensation +=
      Math.abs(this.sum) >= Math.abs(value) ? this.sum - total + value : value - total + this.sum;
    this.sum = total;
  }
}
