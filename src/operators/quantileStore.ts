/**
 * Where the values behind percentiles are kept: a DDSketch (bounded memory, 1 % relative error)
 * or every value (--exact). Both answer the same question, the value at a 1-based rank of the
 * sorted values, so the nearest-rank definition is applied in one place (percentiles.ts).
 */
export interface QuantileStore {
  add(value: number): void;
  /** Values at 1-based ranks of the sorted values; ranks in ascending order. */
  valuesAtRanks(ranks: readonly number[]): number[];
  /** Takes in another store of the same kind (a group's values into the total). */
  merge(other: QuantileStore): void;
  /** Plain data a worker thread can post (structured clone); `mergeState` reads it back. */
  exportState(): QuantileState;
  /** Takes in the state of a store of the same kind, as `merge` does. */
  mergeState(state: QuantileState): void;
}

/** A store as plain data: the values of an exact store, or a sketch and its summary figures. */
export type QuantileState =
  { kind: 'values'; runs: Float64Array[] } | { kind: 'sketch'; sketch: SketchState };

/**
 * A DDSketch as numbers: its non-empty bins as (key, count) pairs and its summary figures.
 * (The library's own toProto needs protobufjs, which it does not declare as a dependency, and
 * its fromProto drops min, max and sum.)
 */
export interface SketchState {
  positive: Float64Array;
  negative: Float64Array;
  zeroCount: number;
  count: number;
  min: number;
  max: number;
  sum: number;
}
