import { UsageError } from '../core/errors.js';
import type { QuantileState, QuantileStore } from './quantileStore.js';

/** The most values --exact keeps over all groups: 8 bytes each, 40 MB. */
export const EXACT_VALUE_CAP = 5_000_000;

/** The values left before the cap, shared by every group of one run. */
export class ValueBudget {
  private left: number;

  constructor(readonly cap = EXACT_VALUE_CAP) {
    this.left = cap;
  }

  take(count = 1): void {
    this.left -= count;
    if (this.left < 0)
      throw new UsageError(
        `--exact keeps every value and stops at ${this.cap.toLocaleString('en-US')} (${(this.cap * 8) / 1e6} MB); ` +
          'this input has more: leave out --exact (1 % sketch) or narrow it with --since/--until',
      );
  }
}

const FIRST_RUN = 256;
const LARGEST_RUN = 1 << 20;

/**
 * Every value, in runs of doubles that grow up to 1 Mi values (8 MiB): no run is ever copied
 * into a larger one, so memory stays 8 bytes per value, and a small group costs little. For
 * percentiles the runs are sorted and merged as far as the highest rank asked for.
 */
export class ExactQuantiles implements QuantileStore {
  private readonly runs: Float64Array[] = [];
  private current = new Float64Array(0);
  private filled = 0;

  constructor(private readonly budget: ValueBudget) {}

  add(value: number): void {
    this.budget.take();
    if (this.filled === this.current.length) this.startRun();
    this.current[this.filled++] = value;
  }

  merge(other: QuantileStore): void {
    this.runs.push(...(other as ExactQuantiles).filledRuns());
  }

  exportState(): QuantileState {
    return { kind: 'values', runs: this.filledRuns() };
  }

  mergeState(state: QuantileState): void {
    if (state.kind !== 'values') throw new Error('an exact store takes values, not a sketch');
    for (const run of state.runs) {
      this.budget.take(run.length);
      this.runs.push(run);
    }
  }

  valuesAtRanks(ranks: readonly number[]): number[] {
    const runs = this.filledRuns();
    for (const run of runs) run.sort(); // typed arrays sort numerically, in place
    if (runs.length === 1) return ranks.map((rank) => runs[0]![rank - 1]!);
    return valuesAtRanksOfSortedRuns(runs, ranks);
  }

  private filledRuns(): Float64Array[] {
    const runs = this.runs.slice();
    if (this.filled > 0) runs.push(this.current.subarray(0, this.filled));
    return runs;
  }

  private startRun(): void {
    if (this.filled > 0) this.runs.push(this.current);
    this.current = new Float64Array(Math.min(LARGEST_RUN, Math.max(FIRST_RUN, this.current.length * 2)));
    this.filled = 0;
  }
}

/** k-way merge of sorted runs with a binary heap of run heads, stopping at the last rank. */
function valuesAtRanksOfSortedRuns(runs: readonly Float64Array[], ranks: readonly number[]): number[] {
  const heap = runs.map((_, i) => i).filter((i) => runs[i]!.length > 0);
  const position = runs.map(() => 0);
  const head = (i: number): number => runs[i]![position[i]!]!;
  const down = (from: number): void => {
    let at = from;
    for (;;) {
      const left = 2 * at + 1;
      if (left >= heap.length) return;
      const right = left + 1;
      const child = right < heap.length && head(heap[right]!) < head(heap[left]!) ? right : left;
      if (head(heap[child]!) >= head(heap[at]!)) return;
      [heap[at], heap[child]] = [heap[child]!, heap[at]!];
      at = child;
    }
  };
  for (let i = (heap.length >> 1) - 1; i >= 0; i--) down(i);
  const out: number[] = [];
  let rank = 0;
  for (const wanted of ranks) {
    let value = NaN;
    while (rank < wanted && heap.length > 0) {
      const run = heap[0]!;
      value = head(run);
      rank++;
      if (++position[run]! === runs[run]!.length) {
        heap[0] = heap[heap.length - 1]!;
        heap.pop();
      }
      down(0);
    }
    // Equal ranks in a row (p99.9 and p99.99 of few values) repeat the last value taken.
    out.push(Number.isNaN(value) ? (out.at(-1) ?? NaN) : value);
  }
  return out;
}
