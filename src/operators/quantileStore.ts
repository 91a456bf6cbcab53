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
}
