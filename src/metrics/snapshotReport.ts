import type { MetricsSnapshot } from '../core/snapshot.js';
import { metricValueText } from '../sinks/metricValue.js';
import { escapeToOneLine } from '../sinks/safeText.js';
import { NO_LIMIT, type TableWidth } from '../sinks/fitTable.js';
import { renderTable } from '../sinks/table.js';

/** The snapshot as `metrics collect --json` prints it (documented in the README). */
export function snapshotJson(snapshot: MetricsSnapshot): string {
  const { host, timestamp, metrics, details, failures } = snapshot;
  const time = new Date(timestamp).toISOString();
  return JSON.stringify({ host, time, timestamp, metrics, details, failures }, null, 2) + '\n';
}

/** One object per metric: {"host", "time", "metric", "value"}. */
export function snapshotNdjson(snapshot: MetricsSnapshot): string {
  const time = new Date(snapshot.timestamp).toISOString();
  return Object.entries(snapshot.metrics)
    .map(([metric, value]) => JSON.stringify({ host: snapshot.host, time, metric, value }) + '\n')
    .join('');
}

/** A metric's name gives way in its middle (its start and unit tell most); a value never does. */
export const METRIC_FIT = { cut: 'middle', min: 12 } as const;

/** A table of metric, value; then the sources and what failed. */
export function snapshotText(
  snapshot: MetricsSnapshot,
  color: boolean,
  width: TableWidth = NO_LIMIT,
): string {
  const rows = Object.entries(snapshot.metrics).map(([name, value]) => [name, metricValueText(name, value)]);
  const time = new Date(snapshot.timestamp).toISOString().replace('.000Z', 'Z');
  const sources = Object.entries((snapshot.details.sources ?? {}) as Record<string, string>)
    .map(([name, state]) => `${name}: ${state}`)
    .join(', ');
  const lines = [`${escapeToOneLine(snapshot.host)} at ${time} — ${sources}`];
  for (const { source, message } of snapshot.failures)
    lines.push(`${source} failed: ${escapeToOneLine(message)}`);
  const table =
    rows.length > 0
      ? renderTable({
          head: ['metric', 'value'],
          rows,
          align: ['left', 'right'],
          color,
          fit: [METRIC_FIT],
          width,
        })
      : '';
  return lines.join('\n') + '\n' + table;
}
