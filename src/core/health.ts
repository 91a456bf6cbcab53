/**
 * The result of one check of the app's /health endpoint, as `smsmon health` prints it and
 * `alerts check` evaluates it. States follow the Nagios plugin convention (exit code = index).
 */
export type HealthState = 'ok' | 'warning' | 'critical' | 'unknown';

export const HEALTH_EXIT_CODES: Readonly<Record<HealthState, number>> = {
  ok: 0,
  warning: 1,
  critical: 2,
  unknown: 3,
};

/**
 * Services with series of their own (exporter gauges, health --record); later ones share `other`.
 * The app reports a handful; a hostile or broken endpoint could list any number.
 */
export const MAX_SERVICE_SERIES = 20;

export interface ServiceHealth {
  readonly name: string;
  /** As the app reports it: "healthy", "degraded", "unhealthy", … */
  readonly status: string;
  /** Seconds, as the app reports response_time (null when absent). */
  readonly responseTime: number | null;
  /** Every other field the service reported (rate_limit_remaining, account_balance, …). */
  readonly fields: Readonly<Record<string, unknown>>;
  /** Slower than -w (or -c), the response-time thresholds. */
  readonly slow: boolean;
}

export interface HealthCheckResult {
  /** The URL checked, secrets redacted. */
  readonly url: string;
  readonly state: HealthState;
  /** One line: why this state ("HTTP 503", "services.database: unhealthy", "timeout after 5 s"). */
  readonly reason: string;
  /** Milliseconds since the epoch, when the check started. */
  readonly checkedAt: number;
  /** Whole check, connect to last body byte, retries included. */
  readonly elapsedMs: number;
  /** The answering attempt alone, request to last body byte; null when no HTTP answer came. */
  readonly responseMs?: number | null;
  /** Attempts made: 1 plus the retries used. */
  readonly attempts?: number;
  readonly httpStatus: number | null;
  /** The body's overall status ("healthy", …), version and uptime (seconds), when it validated. */
  readonly status: string | null;
  readonly version: string | null;
  readonly uptimeSeconds: number | null;
  readonly services: readonly ServiceHealth[];
}
