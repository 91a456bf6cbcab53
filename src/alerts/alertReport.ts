import type { Alert } from './alert.js';
import type { HealthCheckResult } from '../core/health.js';
import type { ThresholdCheck } from './thresholdCheck.js';
import type { DeliveryOutcome } from './alertDelivery.js';
import { metricValueText } from '../sinks/metricValue.js';
import { escapeToOneLine } from '../sinks/safeText.js';
import { NO_LIMIT, type TableWidth } from '../sinks/fitTable.js';
import { renderTable } from '../sinks/table.js';

/** Everything one `alerts check` found, as the text and JSON reports show it. */
export interface AlertReport {
  readonly host: string;
  /** When the snapshot was taken (fresh: now; --from-redis: the stored one's time). */
  readonly snapshotTime: number;
  readonly from: 'collect' | 'redis';
  readonly check: ThresholdCheck;
  readonly health: HealthCheckResult | null;
  /** One line each: sources that failed, a stale snapshot, Redis or a channel not answering. */
  readonly problems: readonly string[];
  /** null without --notify. */
  readonly notified: DeliveryOutcome | null;
}

/** The `--json` document (README): NaN values (health alerts) come out as null. */
export function alertReportJson(report: AlertReport): string {
  const { host, from, check, health, problems, notified } = report;
  const doc = {
    host,
    snapshotTime: new Date(report.snapshotTime).toISOString(),
    from,
    alerts: check.alerts,
    notMeasured: check.notMeasured,
    checked: check.checked,
    health: health && { state: health.state, reason: health.reason, url: health.url },
    problems,
    notified: notified && {
      fired: notified.fired,
      resolved: notified.resolved,
      channels: notified.channels,
      stateWritten: notified.stateWritten,
      skipped: notified.skipped,
    },
  };
  return JSON.stringify(doc, null, 2) + '\n';
}

/** A headline, the firing alerts as a table (metric, value, threshold, severity), what was not measured. */
export function alertReportText(report: AlertReport, color: boolean, width: TableWidth = NO_LIMIT): string {
  const { check } = report;
  const time = new Date(report.snapshotTime).toISOString().replace('.000Z', 'Z');
  const what = report.from === 'redis' ? 'stored snapshot' : 'collected';
  const firing = check.alerts.length === 0 ? 'nothing firing' : `${check.alerts.length} alert(s) firing`;
  const health = report.health ? `, health ${report.health.state}` : '';
  let text = `${escapeToOneLine(report.host)}, ${what} at ${time}: ${firing} (${check.checked} threshold(s) checked${health})\n`;
  if (check.alerts.length > 0) {
    const rows = check.alerts.map((a) => [
      escapeToOneLine(a.key),
      valueCell(a),
      thresholdCell(a),
      a.severity,
    ]);
    text += renderTable({
      head: ['metric', 'value', 'threshold', 'severity'],
      rows,
      align: ['left', 'right', 'right', 'left'],
      color,
      // Only the metric's name gives way, in its middle: figures are never cut.
      fit: [{ cut: 'middle', min: 12 }],
      width,
    });
  }
  if (check.notMeasured.length > 0) text += `${notMeasuredLine(check)}\n`;
  return text;
}

export function notMeasuredLine(check: ThresholdCheck): string {
  return `not measured (a threshold, but no value): ${check.notMeasured.join(', ')}`;
}

/** What --notify did, for stderr: one line per channel that failed, and the counts. */
export function deliveryLines(outcome: DeliveryOutcome): string[] {
  if (outcome.skipped === 'locked') return ['another alerts run of this host holds the lock; it notifies'];
  const lines: string[] = [];
  if (outcome.unreadable > 0)
    lines.push(`${outcome.unreadable} unreadable alert state entr(ies) forgotten; sent again if firing`);
  const counts = `${outcome.fired.length} firing, ${outcome.resolved.length} resolved`;
  if (outcome.channels.length === 0)
    lines.push('nothing to notify: no alert new, risen, due again or resolved');
  for (const { channel, ok, error } of outcome.channels)
    lines.push(ok ? `notified ${channel}: ${counts}` : `${channel} failed: ${escapeToOneLine(error ?? '')}`);
  if (!outcome.stateWritten)
    lines.push('alert state not stored: the next run sends these notifications again');
  return lines;
}

/** Health alerts have no number: their state ("critical: HTTP 503", "unhealthy") is the value. */
function valueCell(alert: Alert): string {
  if (Number.isFinite(alert.value)) return metricValueText(alert.metric, alert.value);
  const prefix = `${alert.key} `;
  return escapeToOneLine(
    alert.message.startsWith(prefix) ? alert.message.slice(prefix.length) : alert.message,
  );
}

function thresholdCell(alert: Alert): string {
  return Number.isFinite(alert.threshold) ? `≥ ${metricValueText(alert.metric, alert.threshold)}` : '-';
}
