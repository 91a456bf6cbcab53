import { stat } from 'node:fs/promises';
import type { LogSource } from '../sources/logSource.js';
import type { LogInput } from '../sources/resolveInputs.js';

/** Below this much data a second thread costs more (its start, ~0.1 s of CPU) than it saves. */
export const AUTO_SHARD_MIN_BYTES = 32 * 1024 * 1024;
/** A .gz file holds several times its size in text: weighed so, when balancing shards. */
const GZIP_WEIGHT = 6;

/**
 * Splits one input's files into `count` runs of consecutive files with about the same amount
 * of text, oldest run first, so that reading the runs one after the other is reading the input.
 * Records never span files (a rotated file ends where a record ends), so each run is parsed on
 * its own. Null when the input cannot be split: several inputs (they are merged by time), stdin,
 * fewer files than shards, or — with `minBytes` — too little data to be worth it.
 */
export async function planShards(
  inputs: readonly LogInput[],
  count: number,
  minBytes = 0,
): Promise<LogInput[] | null> {
  if (count < 2 || inputs.length !== 1) return null;
  const input = inputs[0]!;
  if (input.sources.length < count || input.sources.some((s) => s.stdin)) return null;
  const weights = await Promise.all(input.sources.map(weightOf));
  const total = weights.reduce((a, b) => a + b, 0);
  if (total < minBytes) return null;
  return cutIntoRuns(input.sources, weights, count).map((sources) => ({ ...input, sources }));
}

async function weightOf(source: LogSource): Promise<number> {
  const size = await stat(source.path).then(
    (info) => info.size,
    () => 0,
  );
  return source.gzip ? size * GZIP_WEIGHT : size;
}

/** Consecutive runs, each cut where the running total comes closest to its share. */
export function cutIntoRuns<T>(items: readonly T[], weights: readonly number[], count: number): T[][] {
  const total = weights.reduce((a, b) => a + b, 0);
  const runs: T[][] = [];
  let start = 0;
  let before = 0; // weight of items[0, start)
  for (let run = 1; run < count; run++) {
    const target = (total * run) / count;
    // Leave at least one item for each run still to come.
    const last = items.length - (count - run);
    let end = start + 1;
    let sum = before + weights[start]!;
    while (end < last && Math.abs(sum + weights[end]! - target) <= Math.abs(sum - target)) {
      sum += weights[end]!;
      end++;
    }
    runs.push(items.slice(start, end));
    [start, before] = [end, sum];
  }
  runs.push(items.slice(start));
  return runs;
}
