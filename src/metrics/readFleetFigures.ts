import type { SeriesPoint } from '../core/snapshot.js';
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
  const asked = new Map<string, SketchAt>();
  const wanted: Array<{ metric: string; hosts: SketchAt[] }> = [];
  for (const [metric, points] of Object.entries(series)) {
    const parsed = percentileMetric(metric);
    const latest = latestByHost(points);
    if (!parsed || latest.size < 2) continue;
    const hosts = [...latest.values()].map(({ host, timestamp }) => {
      const at = { host, name: parsed.sketch, timestamp };
      const id = JSON.stringify(at);
      if (!asked.has(id)) asked.set(id, at);
      return asked.get(id)!;
    });
    wanted.push({ metric, hosts });
  }
  if (wanted.length === 0) return {};
  const all = [...asked.values()];
  const read = await readSketchesAt(redis, layout, all);
  const textOf = new Map(all.map((at, i) => [at, read[i] ?? null]));
  const figures: Record<string, FleetFigure> = {};
  for (const { metric, hosts } of wanted) {
    const byHost = new Map(hosts.map((at) => [at.host, textOf.get(at) ?? null]));
    figures[metric] = fleetFigure(percentileMetric(metric)!.percentile, byHost);
  }
  return figures;
}
