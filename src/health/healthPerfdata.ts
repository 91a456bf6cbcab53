import { MAX_SERVICE_SERIES, type HealthCheckResult } from '../core/health.js';
import { BoundedLabel } from '../operators/boundedLabel.js';
import { escapeControlsToOneLine } from '../sinks/safeText.js';
import type { VerdictThresholds } from './healthVerdict.js';

/**
 * Nagios performance data, after the `|` of the plugin line, in the plugin guidelines' format
 * `'label'=value[UOM];[warn];[crit];[min];[max]`:
 *   time=0.023s;1;5;0 database=0.023s;1;5;0 redis=0.001s;1;5;0
 * `time` is the answering attempt, request to last byte; then each service that reports a
 * response_time, under its name. Both carry the thresholds they are judged by (-w, -c) and min 0.
 * Like --record and the exporter, the first MAX_SERVICE_SERIES services get a label of their own and
 * the others share `other` (the slowest): NRPE and Nagios cut long plugin output.
 * Empty when no HTTP answer came: there is no time to report.
 */
export function healthPerfdata(result: HealthCheckResult, thresholds: VerdictThresholds): string {
  if (result.responseMs === undefined || result.responseMs === null) return '';
  const tail = `;${thresholdText(thresholds.warnMs)};${thresholdText(thresholds.criticalMs)};0`;
  const seconds = new Map<string, number>([[TIME_LABEL, result.responseMs / 1000]]);
  const labels = new BoundedLabel(MAX_SERVICE_SERIES);
  for (const { name, responseTime } of result.services) {
    if (responseTime === null || perfNumber(responseTime) === null) continue;
    const label = perfLabel(labels.map(name === TIME_LABEL ? `services.${name}` : name));
    seconds.set(label, Math.max(responseTime, seconds.get(label) ?? 0));
  }
  return [...seconds].map(([label, value]) => `${label}=${perfNumber(value)}s${tail}`).join(' ');
}

const TIME_LABEL = 'time';

const thresholdText = (ms: number | undefined) => (ms === undefined ? '' : (perfNumber(ms / 1000) ?? ''));

/**
 * A label as the guidelines allow it: in single quotes when it holds a space or a quote (a quote
 * doubled); `=` (never allowed) and `|` (ends the plugin output to some parsers) become `_`;
 * control characters are shown escaped, so the line stays one line.
 */
export function perfLabel(name: string): string {
  const text = escapeControlsToOneLine(name).replace(/[=|]/g, '_') || 'unnamed';
  return /[\s']/.test(text) ? `'${text.replace(/'/g, "''")}'` : text;
}

/**
 * A value as the guidelines allow it (digits, `.`, `-`: no exponent), to the microsecond; null when
 * it cannot be written so (1e300 s from a broken endpoint).
 */
export function perfNumber(value: number): string | null {
  if (!Number.isFinite(value) || Math.abs(value) >= 1e21) return null;
  return String(Number(value.toFixed(6)));
}
