import { Chalk, type ChalkInstance } from 'chalk';
import {
  HEALTH_EXIT_CODES,
  type HealthCheckResult,
  type HealthState,
  type ServiceHealth,
} from '../core/health.js';
import { humanDuration } from '../sinks/humanDuration.js';
import { escapeToOneLine } from '../sinks/safeText.js';
import { NO_LIMIT, type ColumnFit, type TableWidth } from '../sinks/fitTable.js';
import { renderTable } from '../sinks/table.js';
import { healthPerfdata } from './healthPerfdata.js';
import { isHealthyStatus } from './healthyStatus.js';
import type { VerdictThresholds } from './healthVerdict.js';

/**
 * `smsmon health` output. The first line is the Nagios plugin line, `HEALTH OK - healthy (4
 * services) | time=0.023s;1;;0 …`: what a monitoring system shows and graphs. Text from the
 * endpoint (reason, statuses, fields) is escaped, so a hostile body cannot move the cursor.
 */

/** `HEALTH WARNING - degraded; services.redis: degraded` */
export function healthLine(result: HealthCheckResult): string {
  return `HEALTH ${result.state.toUpperCase()} - ${escapeToOneLine(result.reason)}`;
}

/**
 * The plugin line with its performance data. A `|` in the reason (from a status or service name)
 * becomes `¦`: Nagios would read what follows the first one as performance data.
 */
function nagiosLine(result: HealthCheckResult, thresholds: VerdictThresholds, paint: ChalkInstance) {
  const line = STATE_COLOR[result.state](paint)(healthLine(result).replace(/\|/g, '¦'));
  const perfdata = healthPerfdata(result, thresholds);
  return perfdata ? `${line} | ${perfdata}` : line;
}

/**
 * Rows in the text table; the rest are counted by status under it. An endpoint may list any number
 * of services, and drawing tens of thousands of rows would outlast --timeout.
 */
export const MAX_SERVICE_ROWS = 100;

/** The details give way first, then the middle of a service's name; the status is painted, never cut. */
const SERVICE_FITS: readonly ColumnFit[] = [
  { priority: 1, cut: 'middle', min: 12 },
  {},
  {},
  { priority: 0, cut: 'end', min: 16 },
];

/** The line, what answered, and a table of the services (at most MAX_SERVICE_ROWS, problems first). */
export function healthText(
  result: HealthCheckResult,
  color: boolean,
  thresholds: VerdictThresholds,
  width: TableWidth = NO_LIMIT,
): string {
  const paint = new Chalk({ level: color ? 1 : 0 });
  const lines = [nagiosLine(result, thresholds, paint), summary(result)];
  let text = lines.join('\n') + '\n';
  const { shown, hidden } = servicesToShow(result.services);
  if (shown.length > 0) {
    text += renderTable({
      head: ['service', 'status', 'response time', 'details'],
      rows: shown.map((service) => serviceRow(service, paint)),
      align: ['left', 'left', 'right', 'left'],
      color,
      fit: SERVICE_FITS,
      width,
    });
  }
  if (hidden.length > 0) text += `… and ${hiddenSummary(hidden)}\n`;
  return text;
}

/** All in the body's order when they fit; else those not healthy or slow first, so none is hidden while a healthy one is shown. */
function servicesToShow(services: readonly ServiceHealth[]) {
  if (services.length <= MAX_SERVICE_ROWS) return { shown: services, hidden: [] };
  const problems = services.filter(isProblem);
  const ordered = problems.concat(services.filter((service) => !isProblem(service)));
  return { shown: ordered.slice(0, MAX_SERVICE_ROWS), hidden: ordered.slice(MAX_SERVICE_ROWS) };
}

const isProblem = (service: ServiceHealth) => service.slow || !isHealthyStatus(service.status);

/** Statuses named in the "… and N more" line; rarer ones are counted together. */
const MAX_STATUSES_NAMED = 5;

/** `29,900 more: 29,000 healthy, 900 unhealthy` — counts by status, most frequent first. */
function hiddenSummary(hidden: readonly ServiceHealth[]): string {
  const counts = new Map<string, number>();
  for (const { status } of hidden) {
    const key = status.toLowerCase();
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const sorted = [...counts].sort((a, b) => b[1] - a[1]);
  const named = sorted.slice(0, MAX_STATUSES_NAMED).map(([status, n]) => `${count(n)} ${fieldText(status)}`);
  const rest = sorted.slice(MAX_STATUSES_NAMED).reduce((sum, [, n]) => sum + n, 0);
  if (rest > 0) named.push(`${count(rest)} with ${count(sorted.length - MAX_STATUSES_NAMED)} other statuses`);
  return `${count(hidden.length)} more: ${named.join(', ')}`;
}

const count = (n: number) => n.toLocaleString('en-US');

/** `--watch`: the time and the line, printed when the state or reason changed. */
export function watchLine(result: HealthCheckResult): string {
  return `${new Date(result.checkedAt).toISOString().replace(/\.\d{3}Z$/, 'Z')} ${healthLine(result)}\n`;
}

/** `--json`: one document (README "health"). */
export function healthJson(result: HealthCheckResult): string {
  return JSON.stringify(healthDocument(result), null, 2) + '\n';
}

/** `--watch --json`: one line per printed check. */
export function healthNdjson(result: HealthCheckResult): string {
  return JSON.stringify(healthDocument(result)) + '\n';
}

export function healthDocument(result: HealthCheckResult) {
  return {
    url: result.url,
    state: result.state,
    exit_code: HEALTH_EXIT_CODES[result.state],
    reason: result.reason,
    checked_at: new Date(result.checkedAt).toISOString(),
    elapsed_ms: result.elapsedMs,
    response_ms: result.responseMs ?? null,
    attempts: result.attempts ?? 1,
    http_status: result.httpStatus,
    status: result.status,
    version: result.version,
    uptime_seconds: result.uptimeSeconds,
    services: result.services.map((s) => ({
      name: s.name,
      status: s.status,
      response_time: s.responseTime,
      slow: s.slow,
      fields: s.fields,
    })),
  };
}

const STATE_COLOR: Readonly<Record<HealthState, (paint: ChalkInstance) => (text: string) => string>> = {
  ok: (paint) => paint.green,
  warning: (paint) => paint.yellow,
  critical: (paint) => paint.red.bold,
  unknown: (paint) => paint.magenta,
};

function summary(result: HealthCheckResult): string {
  const parts = [escapeToOneLine(result.url)];
  const tries = (result.attempts ?? 1) > 1 ? ` (${result.attempts} attempts)` : '';
  if (result.httpStatus === null)
    parts.push(`no answer after ${humanDuration(result.elapsedMs / 1000)}${tries}`);
  else
    parts.push(
      `HTTP ${result.httpStatus} in ${humanDuration((result.responseMs ?? result.elapsedMs) / 1000)}${tries}`,
    );
  if (result.status !== null) parts.push(`status ${escapeToOneLine(result.status)}`);
  if (result.version !== null) parts.push(`version ${escapeToOneLine(result.version)}`);
  if (result.uptimeSeconds !== null) parts.push(`uptime ${humanDuration(result.uptimeSeconds)}`);
  return parts.join(' · ');
}

function serviceRow(service: ServiceHealth, paint: ChalkInstance): string[] {
  const status = escapeToOneLine(service.status);
  const healthy = isHealthyStatus(service.status);
  const degraded = /^degraded$/i.test(service.status);
  const time = humanDuration(service.responseTime);
  return [
    escapeToOneLine(service.name),
    healthy ? paint.green(status) : degraded ? paint.yellow(status) : paint.red(status),
    service.slow ? paint.yellow(`${time} SLOW`) : time,
    Object.entries(service.fields)
      .map(([key, value]) => `${escapeToOneLine(key)}=${fieldText(value)}`)
      .join(' '),
  ];
}

function fieldText(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return escapeToOneLine(text.length > 60 ? `${text.slice(0, 57)}...` : text);
}
