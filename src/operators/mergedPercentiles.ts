import { LatencyStats } from './latencyStats.js';
import type { Percentile } from './percentiles.js';
import type { QuantileState } from './quantileStore.js';
import { SketchQuantiles } from './sketchQuantiles.js';

/**
 * Percentiles of the union of the values behind several stores' states (one per host): the
 * states are merged, never their percentiles averaged. While the union holds few values it is
 * exact, as one store would be; past that, within the sketch's 1 %. Null when there are no values.
 */
export function mergedPercentiles(
  states: readonly QuantileState[],
  percentiles: readonly Percentile[],
): Array<number | null> {
  const stats = new LatencyStats(new SketchQuantiles(), null);
  for (const store of states)
    stats.mergeState({ ...figuresOf(store), compensation: 0, store, buckets: null });
  return stats.valuesOf(percentiles);
}

function figuresOf(state: QuantileState): { count: number; min: number; max: number; sum: number } {
  if (state.kind === 'sketch') {
    const { count, min, max, sum } = state.sketch;
    return { count, min, max, sum };
  }
  let [count, min, max, sum] = [0, Infinity, -Infinity, 0];
  for (const run of state.runs)
    for (const value of run) {
      count++;
      min = Math.min(min, value);
      max = Math.max(max, value);
      sum += value;
    }
  return { count, min, max, sum };
}
