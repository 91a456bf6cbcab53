import { Family, type FamilySnapshot } from './promFamily.js';

interface HistogramState {
  /** Not cumulative: perBucket[i] counts bounds[i-1] < v <= bounds[i]; the last slot is +Inf. */
  perBucket: number[];
  count: number;
  /** Neumaier's compensated sum: a day of 0.1-s values adds up to what a calculator says. */
  sum: number;
  compensation: number;
}

export class Histogram extends Family<HistogramState> {
  constructor(
    name: string,
    help: string,
    labelNames: readonly string[],
    readonly bounds: readonly number[],
  ) {
    super(name, help, labelNames);
    if (labelNames.includes('le')) throw new Error(`${name}: "le" is the bucket label`);
    for (let i = 0; i < bounds.length; i++)
      if (!Number.isFinite(bounds[i]) || (i > 0 && bounds[i]! <= bounds[i - 1]!))
        throw new Error(`${name}: bucket bounds must be finite and increasing`);
  }

  observe(labels: readonly string[], value: number): void {
    if (Number.isNaN(value)) return;
    const state = this.stateOf(labels);
    let i = 0;
    while (i < this.bounds.length && value > this.bounds[i]!) i++;
    state.perBucket[i]!++;
    state.count++;
    const sum = state.sum + value;
    state.compensation +=
      Math.abs(state.sum) >= Math.abs(value) ? state.sum - sum + value : value - sum + state.sum;
    state.sum = sum;
  }

  touch(labels: readonly string[]): void {
    this.stateOf(labels);
  }

  snapshot(): FamilySnapshot {
    const series = this.sorted().map(({ labels, state }) => {
      let running = 0;
      const buckets = this.bounds.map((_, i) => (running += state.perBucket[i]!));
      return { labels, buckets, count: state.count, sum: state.sum + state.compensation };
    });
    const { name, help, labelNames, bounds } = this;
    return { type: 'histogram', name, help, labelNames, bounds, series };
  }

  protected fresh(): HistogramState {
    return {
      perBucket: new Array<number>(this.bounds.length + 1).fill(0),
      count: 0,
      sum: 0,
      compensation: 0,
    };
  }
}
