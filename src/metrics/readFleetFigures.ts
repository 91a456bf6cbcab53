import type { SeriesPoint } from '../core/snapshot.js';
import type { Percentile } from '../operators/percentiles.js';
import type { RedisClient } from '../redis/redisClient.js';
import type { RedisLayout } from '../redis/redisLayout.js';
import { readSketchesAt, type SketchAt } from '../redis/sketchReader.js';
import {
  fleetFigure,
  latestByHost,
  percentileMetric,
  type FleetFigure,
  type FleetFigures,
} from './fleetFigures.js';

/**
 * The fleet figure of every percentile metric (`<name>_pNN`) whose latest points come from two hosts
 * or more: the sketches stored beside those points, merged. Other metrics are left to the caller.
 */
export async function readFleetFigures(
  redis: RedisClient,
  layout: RedisLayout,
  series: Readonly<Record<string, readonly SeriesPoint[]>>,
): Promise<FleetFigures> {
  // p50 and p95 of one host share a sketch: each is read once.
  const unique = new Map<string, SketchAt>();
  const wanted: Array<{ metric: string; percentile: Percentile; ids: Array<[host: string, id: string]> }> =
    [];
  for (const [metric, points] of Object.entries(series)) {
    const parsed = percentileMetric(metric);
    const latest = latestByHost(points);
    if (!parsed || latest.size < 2) continue;
    const ids = [...latest.values()].map(({ host, timestamp }): [string, string] => {
      const id = JSON.stringify([timestamp, parsed.sketch, host]);
      unique.set(id, { host, name: parsed.sketch, timestamp });
      return [host, id];
    });
    wanted.push({ metric, percentile: parsed.percentile, ids });
  }
  if (wanted.length === 0) return {};
  const texts = await readSketchesAt(redis, layout, [...unique.values()]);
  const textOf = new Map([...unique.keys()].map((id, i) => [id, texts[i] ?? null]));
  const figures: Record<string, FleetFigure> = {};
  for (const { metric, percentile, ids } of wanted) {
    figures[metric] = fleetFigure(
      percentile,
      new Map(ids.map(([host, id]) => [host, textOf.get(id) ?? null])),
    );
  }
  return figures;
}
