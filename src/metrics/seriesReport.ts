import type { SeriesPoint } from '../core/snapshot.js';
import { fleetNotes, type FleetFigures } from './fleetFigures.js';
import { metricValueText } from '../sinks/metricValue.js';
import { escapeToOneLine } from '../sinks/safeText.js';
import { sparkline } from '../sinks/sparkline.js';
import { NO_LIMIT, type TableWidth } from '../sinks/fitTable.js';
import { renderTable } from '../sinks/table.js';
import { METRIC_FIT } from './snapshotReport.js';

export interface SeriesReport {
  hosts: string[];
  since: number;
  until: number;
  series: Record<string, SeriesPoint[]>;
  /** Percentile metrics of several hosts: merged from their sketches, used instead of the mean. */
  fleet?: FleetFigures;
}

const SPARK_WIDTH = 30;

/**
 * The latest value of each host's series, and for --fleet their mean (the dashboard's cards) —
 * except a percentile, which is merged from the hosts' sketches (`fleet`), never averaged.
 */
function latestValues(
  report: SeriesReport,
  metric: string,
  points: readonly SeriesPoint[],
): { value: number | null; byHost: Record<string, number> } {
  const byHost: Record<string, number> = {};
  for (const point of points) byHost[point.host || '-'] = point.value; // points are in time order
  const merged = report.fleet?.[metric];
  if (merged) return { value: merged.value, byHost };
  const values = Object.values(byHost);
  return { value: values.reduce((a, b) => a + b, 0) / values.length, byHost };
}

/**
 * The guide's dashboard API shape: every metric's latest value as a top-level key
 * (cpu_percent, tasks_last_hour, …; over several hosts, the mean of each host's latest), then
 * `history` (each metric's samples) and `by_host` (each host's latest values).
 */
export function seriesJson(report: SeriesReport): string {
  const doc: Record<string, unknown> = {};
  const history: Record<string, unknown[]> = {};
  const byHost: Record<string, Record<string, number>> = {};
  for (const [metric, points] of Object.entries(report.series)) {
    if (points.length === 0) continue;
    const latest = latestValues(report, metric, points);
    doc[metric] = latest.value;
    for (const [host, value] of Object.entries(latest.byHost)) (byHost[host] ??= {})[metric] = value;
    history[metric] = points.map(({ timestamp, value, host }) => ({
      time: new Date(timestamp).toISOString(),
      value,
      ...(report.hosts.length > 1 ? { host } : {}),
    }));
  }
  Object.assign(doc, {
    hosts: report.hosts,
    since: new Date(report.since).toISOString(),
    until: new Date(report.until).toISOString(),
    history,
    by_host: byHost,
  });
  const notes = fleetNotes(report.fleet ?? {});
  if (notes.length > 0) doc.notes = notes;
  return JSON.stringify(doc, null, 2) + '\n';
}

export function seriesNdjson(report: SeriesReport): string {
  let out = '';
  for (const [metric, points] of Object.entries(report.series))
    for (const { timestamp, value, host } of points)
      out += JSON.stringify({ metric, host, time: new Date(timestamp).toISOString(), value }) + '\n';
  return out;
}

/** metric, samples, min, avg, max, last, and a sparkline of the window. */
export function seriesText(report: SeriesReport, color: boolean, width: TableWidth = NO_LIMIT): string {
  const rows = Object.entries(report.series)
    .filter(([, points]) => points.length > 0)
    .map(([metric, points]) => {
      const values = points.map((p) => p.value);
      const show = (v: number) => metricValueText(metric, v);
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      return [
        escapeToOneLine(metric), // names come from Redis keys: anyone with write access chose them
        values.length,
        show(Math.min(...values)),
        show(mean),
        show(Math.max(...values)),
        lastText(metric, latestValues(report, metric, points).value),
        sparkline(values, SPARK_WIDTH),
      ];
    });
  const span = `${new Date(report.since).toISOString().slice(0, 16)}Z … ${new Date(report.until).toISOString().slice(0, 16)}Z`;
  const head = `${escapeToOneLine(report.hosts.join(', ')) || '(guide layout)'} · ${span}\n`;
  const notes = fleetNotes(report.fleet ?? {}).map((line) => `note: ${escapeToOneLine(line)}\n`);
  return (
    head +
    renderTable({
      head: ['metric', 'samples', 'min', 'avg', 'max', 'last', 'trend'],
      rows,
      align: ['left', 'right', 'right', 'right', 'right', 'right', 'left'],
      color,
      // The trend gives way first, losing its oldest end; then the metric's name.
      fit: [{ ...METRIC_FIT, priority: 1 }, {}, {}, {}, {}, {}, { cut: 'start', min: 8 }],
      width,
    }) +
    notes.join('')
  );
}

function lastText(metric: string, value: number | null): string {
  return value === null ? '-' : metricValueText(metric, value);
}
