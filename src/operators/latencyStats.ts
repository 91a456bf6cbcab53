import { LogBuckets, type Bucket, type BucketState } from './logBuckets.js';
import { nearestRank, type Percentile } from './percentiles.js';
import type { QuantileState, QuantileStore } from './quantileStore.js';

/** LatencyStats as plain data, for a worker thread to post. */
export interface LatencyStatsState {
  count: number;
  min: number;
  max: number;
  sum: number;
  compensation: number;
  store: QuantileState;
  buckets: BucketState | null;
}

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

  exportState(): LatencyStatsState {
    const { count, min, max, sum, compensation } = this;
    return {
      count,
      min,
      max,
      sum,
      compensation,
      store: this.store.exportState(),
      buckets: this.buckets?.exportState() ?? null,
    };
  }

  /** Takes in the exported state of stats made by the same plan, as `merge` does. */
  mergeState(state: LatencyStatsState): void {
    this.count += state.count;
    this.min = Math.min(this.min, state.min);
    this.max = Math.max(this.max, state.max);
    this.add(state.sum);
    this.add(state.compensation);
    this.store.mergeState(state.store);
    if (state.buckets) this.buckets?.mergeState(state.buckets);
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
