import type { HealthCheckResult } from '../core/health.js';
import { MASK, redactUrl } from '../core/redact.js';
import { healthVerdict } from './healthVerdict.js';
import { readHealthBody } from './healthBody.js';
import { fetchHealthEndpoint, secondsText } from './healthEndpoint.js';

/** A bigger body is not a health answer (UNKNOWN "body over 1 MiB"). */
export const HEALTH_MAX_BODY_BYTES = 1_048_576;
/** Redirects followed per attempt; one more is UNKNOWN "more than 3 redirects" (a loop ends there). */
export const HEALTH_MAX_REDIRECTS = 3;

export interface HealthCheckOptions {
  /** http:// or https://; user:password@ is sent as Basic auth to that origin only. */
  readonly url: string;
  /** Per attempt: connect, redirects and the whole body. */
  readonly timeoutMs: number;
  /** Further attempts after a timeout, a connection failure or HTTP 5xx. */
  readonly retries: number;
  /** A service, or the answer itself, slower than this is a warning. */
  readonly warnMs: number;
  /** … and slower than this, critical (none when undefined). */
  readonly criticalMs?: number;
  /** Ends the check early; it then comes back UNKNOWN "stopped". */
  readonly signal?: AbortSignal;
  /** Pause before retry n (tests); default 0.5 s doubling to 5 s. */
  readonly backoff?: (retry: number) => number;
  /** Milliseconds on a monotonic clock (tests); default performance.now. */
  readonly clock?: () => number;
}

export interface TimedHealthCheck {
  readonly result: HealthCheckResult;
  /**
   * On the check's clock: when the answering attempt's timeout runs out. Reading, judging and
   * printing the answer belong to that attempt; past this the check has no verdict in time
   * (overran). Infinity when no answer came (its failure is the verdict).
   */
  readonly deadline: number;
}

/**
 * One check of the app's /health: GET (healthEndpoint) → body (healthBody) →
 * state and reason (healthVerdict). Never throws for anything the endpoint does; the
 * result's url and reason carry no secrets.
 */
export async function checkHealth(options: HealthCheckOptions): Promise<HealthCheckResult> {
  return (await timedHealthCheck(options)).result;
}

/** checkHealth, and the deadline its output must meet (`smsmon health` renders within it). */
export async function timedHealthCheck(options: HealthCheckOptions): Promise<TimedHealthCheck> {
  const clock = options.clock ?? (() => performance.now());
  const checkedAt = Date.now();
  const fetched = await fetchHealthEndpoint(options.url, {
    timeoutMs: options.timeoutMs,
    retries: options.retries,
    maxBodyBytes: HEALTH_MAX_BODY_BYTES,
    maxRedirects: HEALTH_MAX_REDIRECTS,
    signal: options.signal,
    backoff: options.backoff,
  });
  const { answer } = fetched;
  const deadline =
    answer.kind === 'response' ? clock() - fetched.attemptMs + options.timeoutMs : Number.POSITIVE_INFINITY;
  const reading = answer.kind === 'response' ? readHealthBody(answer.contentType, answer.body) : null;
  const result = healthVerdict(
    { url: redactHealthUrl(options.url), checkedAt, fetched, reading },
    { warnMs: options.warnMs, criticalMs: options.criticalMs },
  );
  const redacted = { ...result, reason: redactUrl(result.reason) };
  return { result: clock() > deadline ? overran(redacted, options.timeoutMs) : redacted, deadline };
}

/** No verdict within the attempt's timeout: the answer came, but reading or printing it did not end in time. */
export function overran(result: HealthCheckResult, timeoutMs: number): HealthCheckResult {
  return {
    ...result,
    state: 'unknown',
    reason: `check exceeded --timeout ${secondsText(timeoutMs)}`,
    status: null,
    version: null,
    uptimeSeconds: null,
    services: [],
  };
}

/**
 * The URL as it may be shown: password, credential parameters and a user name alone (often a
 * token: https://TOKEN@host/health) replaced by ***.
 */
export function redactHealthUrl(url: string): string {
  const parsed = URL.canParse(url) ? new URL(url) : undefined;
  if (!parsed?.username || parsed.password) return redactUrl(url);
  parsed.username = MASK;
  return redactUrl(parsed.href);
}
