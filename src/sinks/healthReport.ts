import { Chalk, type ChalkInstance } from 'chalk';
import {
  HEALTH_EXIT_CODES,
  type HealthCheckResult,
  type HealthState,
  type ServiceHealth,
} from '../core/health.js';
import { humanDuration } from './humanDuration.js';
import { escapeToOneLine } from './safeText.js';
import { renderTable } from './table.js';

/**
 * `smsmon health` output. The first line is the Nagios plugin line, `HEALTH OK - healthy (4
 * services)`: what a monitoring system shows. Text from the endpoint (reason, statuses, fields) is
 * escaped, so a hostile body cannot move the cursor.
 */

/** `HEALTH WARNING - degraded; services.redis: degraded` */
export function healthLine(result: HealthCheckResult): string {
  return `HEALTH ${result.state.toUpperCase()} - ${escapeToOneLine(result.reason)}`;
}

/** The line, what answered, and a table of the services. */
export function healthText(result: HealthCheckResult, color: boolean): string {
  const paint = new Chalk({ level: color ? 1 : 0 });
  const lines = [STATE_COLOR[result.state](paint)(healthLine(result)), summary(result)];
  let text = lines.join('\n') + '\n';
  if (result.services.length > 0) {
    text += renderTable({
      head: ['service', 'status', 'response time', 'details'],
      rows: result.services.map((service) => serviceRow(service, paint)),
      align: ['left', 'left', 'right', 'left'],
      color,
    });
  }
  return text;
}

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
  const healthy = /^healthy$/i.test(service.status);
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
