import type { SeriesPoint } from '../core/snapshot.js';
import { mergedPercentiles } from '../operators/mergedPercentiles.js';
import { parsePercentile, type Percentile } from '../operators/percentiles.js';
import type { QuantileState } from '../operators/quantileStore.js';
import { quantileStateOf } from '../operators/sketchText.js';

/** A fleet's percentile: merged from the sketches of the hosts' latest snapshots. */
export interface FleetFigure {
  /** Null when no host's latest snapshot has a sketch: percentiles are never averaged. */
  readonly value: number | null;
  /** Hosts whose latest snapshot has no readable sketch, left out of the value. */
  readonly without: readonly string[];
}

/** Metric name → its fleet figure, for the percentile metrics of two hosts or more. */
export type FleetFigures = Readonly<Record<string, FleetFigure>>;

/** `processing_time_p95` → the sketch `processing_time` and p95; null for a metric that is no percentile. */
export function percentileMetric(metric: string): { sketch: string; percentile: Percentile } | null {
  const match = /^(.+)_p(\d{1,3}(?:\.\d{1,9})?)$/.exec(metric);
  if (!match) return null;
  const value = Number(match[2]);
  if (!(value > 0 && value <= 100)) return null;
  return { sketch: match[1]!, percentile: parsePercentile(match[2]!) };
}

/** Each host's latest point of a series in time order (the guide layout's '' host aside). */
export function latestByHost(points: readonly SeriesPoint[]): Map<string, SeriesPoint> {
  const latest = new Map<string, SeriesPoint>();
  for (const point of points) if (point.host !== '') latest.set(point.host, point);
  return latest;
}

/** The percentile of the union of the hosts' values, from their sketch texts (null: none stored). */
export function fleetFigure(percentile: Percentile, texts: ReadonlyMap<string, string | null>): FleetFigure {
  const states: QuantileState[] = [];
  const without: string[] = [];
  for (const [host, text] of [...texts].sort(([a], [b]) => a.localeCompare(b))) {
    const state = text === null ? null : quantileStateOf(text);
    if (state) states.push(state);
    else without.push(host);
  }
  const [value] = states.length > 0 ? mergedPercentiles(states, [percentile]) : [null];
  return { value: value ?? null, without };
}

/** One line per fleet figure that leaves hosts out, saying which and why. */
export function fleetNotes(figures: FleetFigures): string[] {
  return Object.entries(figures)
    .filter(([, figure]) => figure.without.length > 0)
    .map(([metric, { value, without }]) => {
      const hosts = without.join(', ');
      return value === null
        ? `${metric}: no fleet figure, as the latest snapshot of ${hosts} holds no sketch (written by an older smsmon) and percentiles are not averaged`
        : `${metric}: merged without ${hosts}, whose latest snapshot holds no sketch (written by an older smsmon)`;
    });
}
