import { DDSketch } from '@datadog/sketches-js';
import type { QuantileState, QuantileStore, SketchState } from './quantileStore.js';

/** The sketch's guarantee: every percentile within 1 % of the true value at its rank. */
export const RELATIVE_ACCURACY = 0.01;

/**
 * Up to this many values are kept as they are (8 KiB) and percentiles of them are exact: a
 * small group or a quiet hour reports the values that were logged, not bucket midpoints.
 */
const KEPT_EXACTLY = 1024;

/**
 * DDSketch: values fall into buckets whose bounds grow by 2 % (γ = 1.0202), so any value is
 * known to within 1 %, and memory depends on the range of the values (a few KiB for 1 ms to 1 h;
 * at most ~560 KiB for the whole range of doubles), never on their number. Zeros (and values
 * below 1e-308) are counted apart by the sketch and come back as exactly 0.
 */
export class SketchQuantiles implements QuantileStore {
  private readonly sketch = new DDSketch({ relativeAccuracy: RELATIVE_ACCURACY });
  /** The values while there are few of them; null once they went into the sketch. */
  private kept: number[] | null = [];

  add(value: number): void {
    if (this.kept === null) this.sketch.accept(value);
    else if (this.kept.push(value) > KEPT_EXACTLY) this.spill();
  }

  valuesAtRanks(ranks: readonly number[]): number[] {
    if (this.kept !== null) {
      const sorted = this.kept.slice().sort((a, b) => a - b);
      return ranks.map((rank) => sorted[rank - 1]!);
    }
    const { count, min, max } = this.sketch;
    return ranks.map((rank) => {
      // The sketch reads the value at 0-based rank q·(n−1) rounded down; asking for k + 0.5
      // lands on 0-based rank k = rank − 1 whatever the rounding of q.
      const q = count <= 1 ? 0 : Math.min(1, (rank - 0.5) / (count - 1));
      // min and max are exact: clamping keeps p100 = max and never makes an answer worse.
      return Math.min(max, Math.max(min, this.sketch.getValueAtQuantile(q)));
    });
  }

  merge(other: QuantileStore): void {
    const { kept, sketch } = other as SketchQuantiles;
    if (kept !== null) for (const value of kept) this.add(value);
    else {
      this.spill();
      this.sketch.merge(sketch);
    }
  }

  exportState(): QuantileState {
    if (this.kept !== null) return { kind: 'values', runs: [Float64Array.from(this.kept)] };
    return { kind: 'sketch', sketch: stateOf(this.sketch) };
  }

  /** The state as a sketch even while the values are kept as they are (this store is left as it is). */
  exportSketch(): SketchState {
    if (this.kept === null) return stateOf(this.sketch);
    const sketch = new DDSketch({ relativeAccuracy: RELATIVE_ACCURACY });
    for (const value of this.kept) sketch.accept(value);
    return stateOf(sketch);
  }

  mergeState(state: QuantileState): void {
    if (state.kind === 'values') {
      for (const run of state.runs) for (const value of run) this.add(value);
      return;
    }
    this.spill();
    this.sketch.merge(sketchOf(state.sketch));
  }

  private spill(): void {
    for (const value of this.kept ?? []) this.sketch.accept(value);
    this.kept = null;
  }
}

type DenseStore = DDSketch['store'];

/** The non-empty bins of a store as [key, count, key, count, …]. */
function binsOf(store: DenseStore): Float64Array {
  const pairs: number[] = [];
  store.bins.forEach((count, index) => {
    if (count > 0) pairs.push(index + store.offset, count);
  });
  return Float64Array.from(pairs);
}

function stateOf(sketch: DDSketch): SketchState {
  const { store, negativeStore, zeroCount, count, min, max, sum } = sketch;
  return { positive: binsOf(store), negative: binsOf(negativeStore), zeroCount, count, min, max, sum };
}

/** A sketch with the same mapping (same relative accuracy) rebuilt from its state. */
function sketchOf(state: SketchState): DDSketch {
  const sketch = new DDSketch({ relativeAccuracy: RELATIVE_ACCURACY });
  const fill = (store: DenseStore, pairs: Float64Array): void => {
    for (let i = 0; i < pairs.length; i += 2) store.add(pairs[i]!, pairs[i + 1]!);
  };
  fill(sketch.store, state.positive);
  fill(sketch.negativeStore, state.negative);
  const { zeroCount, count, min, max, sum } = state;
  return Object.assign(sketch, { zeroCount, count, min, max, sum });
}
