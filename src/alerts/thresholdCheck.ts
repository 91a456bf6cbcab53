import type { Alert, AlertSeverity } from './alert.js';
import type { Threshold } from '../core/configSchema.js';
import type { HealthCheckResult, HealthState } from '../core/health.js';
import { isHealthyStatus } from '../health/healthyStatus.js';

/** How a metric's value reads for people (sinks/metricValue's metricValueText, passed in by the command). */
export type ValueText = (metric: string, value: number) => string;

export interface ThresholdCheck {
  /** Critical first, then by key. */
  readonly alerts: Alert[];
  /** Metrics with a threshold but no value in the snapshot: not alerts, but never silently skipped. */
  readonly notMeasured: string[];
  /** Thresholds that were compared with a value. */
  readonly checked: number;
  /** False when no health result was given: the health keys are unknown, neither firing nor clear. */
  readonly healthChecked: boolean;
}

export const HEALTH_KEY = 'health';

/**
 * The health check's state as an alert. `unknown` (the check could not tell: no answer, a body
 * that does not validate) is a warning: nobody knows the app is fine, but it may be the probe's fault.
 */
const HEALTH_SEVERITY: Readonly<Record<HealthState, AlertSeverity | null>> = {
  ok: null,
  warning: 'warning',
  critical: 'critical',
  unknown: 'warning',
};

/**
 * Compares every configured threshold with the snapshot's value: value ≥ critical is critical, else
 * value ≥ warning is a warning. `≥`, where the guide's AlertManager uses `>`: a threshold names the
 * first bad value ("warning at 80 %", "10 failed tasks an hour is too many"), the same reading as
 * alerts.thresholds' `critical ≥ warning` rule; so exactly 80 % fires here and not in the guide.
 * A threshold with neither band ({}) is turned off.
 */
export function evaluateThresholds(
  metrics: Readonly<Record<string, number>>,
  thresholds: Readonly<Record<string, Threshold>>,
  health: HealthCheckResult | null,
  valueText: ValueText,
): ThresholdCheck {
  const alerts: Alert[] = [];
  const notMeasured: string[] = [];
  let checked = 0;
  for (const metric of Object.keys(thresholds).sort()) {
    const { warning, critical } = thresholds[metric]!;
    if (warning === undefined && critical === undefined) continue;
    const value = metrics[metric];
    if (value === undefined || !Number.isFinite(value)) {
      notMeasured.push(metric);
      continue;
    }
    checked++;
    const band: [AlertSeverity, number] | null =
      critical !== undefined && value >= critical
        ? ['critical', critical]
        : warning !== undefined && value >= warning
          ? ['warning', warning]
          : null;
    if (!band) continue;
    const [severity, threshold] = band;
    const message = `${metric} ${valueText(metric, value)} ≥ ${severity} ${valueText(metric, threshold)}`;
    alerts.push({ key: metric, metric, value, threshold, severity, message });
  }
  if (health) alerts.push(...healthAlerts(health));
  alerts.sort(compareAlerts);
  return { alerts, notMeasured, checked, healthChecked: health !== null };
}

function healthAlerts(health: HealthCheckResult): Alert[] {
  const alerts: Alert[] = [];
  const severity = HEALTH_SEVERITY[health.state];
  if (severity) alerts.push(stateAlert(HEALTH_KEY, severity, `${health.state}: ${health.reason}`));
  for (const service of health.services) {
    // Any other status ("degraded", "unhealthy", …) is a warning of its own.
    if (isHealthyStatus(service.status)) continue;
    alerts.push(stateAlert(`${HEALTH_KEY}:${service.name}`, 'warning', service.status));
  }
  return alerts;
}

/** A health alert: no number to show, the state says it all. */
function stateAlert(key: string, severity: AlertSeverity, state: string): Alert {
  return { key, metric: key, value: NaN, threshold: NaN, severity, message: `${key} ${state}` };
}

/**
 * A key this check said nothing about: its metric was not measured, or it is a health key and
 * health was not checked. A firing alert under such a key is neither resolved nor repeated.
 */
export function isUnknownKey(check: ThresholdCheck, key: string): boolean {
  if (key === HEALTH_KEY || key.startsWith(`${HEALTH_KEY}:`)) return !check.healthChecked;
  return check.notMeasured.includes(key);
}

/** Critical first, then by key: the order of every list of alerts shown or sent. */
export function compareAlerts(a: Alert, b: Alert): number {
  return rank(b.severity) - rank(a.severity) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

export function rank(severity: AlertSeverity): number {
  return severity === 'critical' ? 2 : 1;
}
