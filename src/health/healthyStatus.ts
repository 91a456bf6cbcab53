/**
 * The one rule for a status that means fine, the body's overall status and each service's alike,
 * wherever smsmon judges one: `smsmon health` (OK), `alerts check` (no alert), the exporter's and
 * `health --record`'s per-service `up` gauges. The guide's app says "healthy"; other apps and
 * health libraries say "ok" or "up" (Spring's UP). Statuses compare without case.
 */
export const HEALTHY_STATUSES: readonly string[] = ['healthy', 'ok', 'up'];

const healthy = new Set(HEALTHY_STATUSES);

export function isHealthyStatus(status: string): boolean {
  return healthy.has(status.toLowerCase());
}
