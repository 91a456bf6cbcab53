/** A histogram bucket: values in [from, to). from 0 = to 0 is the bucket of zeros. */
export interface Bucket {
  from: number;
  to: number;
  count: number;
}

/** LogBuckets as plain data, for a worker thread to post. */
export interface BucketState {
  zeros: number;
  counts: Array<[number, number]>;
}

const STEPS = [1, 2, 5] as const;
/** Decades covered: every double from 1e-323 (smaller ones share its bucket) to 1.8e308. */
const LOWEST_DECADE = -323;
const HIGHEST_DECADE = 308;

/** Lower bounds 1e-323, 2e-323, 5e-323, 1e-322, …, written as decimals so 0.05 lands in [0.05, 0.1). */
let bounds: Float64Array | null = null;
function lowerBounds(): Float64Array {
  if (bounds) return bounds;
  bounds = new Float64Array((HIGHEST_DECADE - LOWEST_DECADE + 1) * STEPS.length);
  for (let decade = LOWEST_DECADE; decade <= HIGHEST_DECADE; decade++)
    STEPS.forEach(
      (step, i) => (bounds![(decade - LOWEST_DECADE) * STEPS.length + i] = Number(`${step}e${decade}`)),
    );
  return bounds;
}

/**
 * Counts values in log-scale buckets on the 1-2-5 series (…, 10 ms, 20 ms, 50 ms, 100 ms, …):
 * exact counts whatever the percentile store, in memory bounded by the range of the values.
 */
export class LogBuckets {
  zeros = 0;
  private readonly counts = new Map<number, number>();

  add(value: number): void {
    if (value === 0) {
      this.zeros++;
      return;
    }
    const index = bucketIndex(value);
    this.counts.set(index, (this.counts.get(index) ?? 0) + 1);
  }

  merge(other: LogBuckets): void {
    this.zeros += other.zeros;
    for (const [index, count] of other.counts) this.counts.set(index, (this.counts.get(index) ?? 0) + count);
  }

  exportState(): BucketState {
    return { zeros: this.zeros, counts: [...this.counts] };
  }

  mergeState(state: BucketState): void {
    this.zeros += state.zeros;
    for (const [index, count] of state.counts) this.counts.set(index, (this.counts.get(index) ?? 0) + count);
  }

  /** Every bucket from the lowest to the highest non-empty one, empty ones between included. */
  buckets(): Bucket[] {
    const out: Bucket[] = [];
    if (this.zeros > 0) out.push({ from: 0, to: 0, count: this.zeros });
    if (this.counts.size === 0) return out;
    const indexes = [...this.counts.keys()];
    const all = lowerBounds();
    const top = Math.max(...indexes);
    for (let i = Math.min(...indexes); i <= top; i++)
      out.push({ from: all[i]!, to: all[i + 1] ?? Infinity, count: this.counts.get(i) ?? 0 });
    return out;
  }
}

/** Index of the bucket holding value (> 0): a log10 estimate, corrected against the exact bounds. */
export function bucketIndex(value: number): number {
  const all = lowerBounds();
  const decade = Math.floor(Math.log10(value));
  let i = Math.max(0, Math.min(all.length - 1, (decade - LOWEST_DECADE) * STEPS.length + 2));
  while (i > 0 && value < all[i]!) i--;
  while (i + 1 < all.length && value >= all[i + 1]!) i++;
  return i;
}
