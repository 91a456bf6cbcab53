import type { HealthCheckResult, HealthState, ServiceHealth } from '../core/health.js';
import type { BodyReading, HealthBody } from './healthBody.js';
import type { EndpointFailureKind, EndpointFetch } from './healthEndpoint.js';
import { isHealthyStatus } from './healthyStatus.js';

/**
 * One fetched /health answer → a Nagios state and a one-line reason (the README's table):
 *   no answer: timeout, connection failure        CRITICAL  (the app cannot be reached)
 *   not HTTP, redirect loop or 3xx without Location,
 *   body over the cap                             UNKNOWN   (nothing to judge)
 *   HTTP 5xx, whatever the body                   CRITICAL  (its JSON, if valid, adds the why)
 *   HTTP 4xx                                      CRITICAL  (the endpoint refuses to report)
 *   2xx not JSON, wrong content type or schema    UNKNOWN
 *   status "unhealthy"                            CRITICAL
 *   a service or the answer slower than criticalMs CRITICAL
 *   status "degraded"; a service not healthy;
 *   a service or the answer slower than warnMs    WARNING
 *   any other status                              UNKNOWN
 * Healthy is isHealthyStatus: "healthy", "ok" or "up".
 * Several findings: the worst state (CRITICAL > UNKNOWN > WARNING > OK) and all of them in the
 * reason. Reasons hold no measured numbers, so `--watch` sees a change only when something changed.
 */

export interface VerdictInput {
  /** Secrets already redacted. */
  readonly url: string;
  readonly checkedAt: number;
  readonly fetched: EndpointFetch;
  /** The body of an HTTP answer, read; null when none came. */
  readonly reading: BodyReading | null;
}

/** Response times (the answer's, each service's): slower than warnMs is WARNING, than criticalMs CRITICAL. */
export interface VerdictThresholds {
  readonly warnMs: number;
  readonly criticalMs?: number;
}

interface Finding {
  readonly state: HealthState;
  readonly text: string;
}

const SEVERITY: Readonly<Record<HealthState, number>> = { ok: 0, warning: 1, unknown: 2, critical: 3 };

const FAILURE_STATE: Readonly<Record<EndpointFailureKind, HealthState>> = {
  timeout: 'critical',
  connect: 'critical',
  protocol: 'unknown',
  tooLarge: 'unknown',
  redirect: 'unknown',
  aborted: 'unknown',
};

/** Findings beyond this many are counted, not listed: the reason stays one readable line. */
const MAX_LISTED = 3;

export function healthVerdict(input: VerdictInput, thresholds: VerdictThresholds): HealthCheckResult {
  const { fetched, reading } = input;
  const { answer, attempts } = fetched;
  const base = {
    url: input.url,
    checkedAt: input.checkedAt,
    elapsedMs: Math.round(fetched.elapsedMs),
    attempts,
  };
  if (answer.kind === 'failure') {
    const tries = attempts > 1 ? ` (${attempts} attempts)` : '';
    return {
      ...base,
      ...NO_BODY,
      state: FAILURE_STATE[answer.failure],
      reason: answer.detail + tries,
      responseMs: null,
      httpStatus: null,
    };
  }
  const body = reading?.ok ? reading.body : null;
  const services = body ? serviceHealth(body, thresholds) : [];
  const facts = body ? bodyFacts(body, services) : NO_BODY;
  const responseMs = Math.round(fetched.attemptMs);
  const http = `HTTP ${answer.status}${answer.statusText ? ` ${answer.statusText}` : ''}`;
  let findings: Finding[];
  if (answer.status >= 500) {
    const why = body ? bodyFindings(body, services, thresholds).map((f) => f.text) : [];
    const tries = attempts > 1 ? ` (${attempts} attempts)` : '';
    findings = [{ state: 'critical', text: (why.length > 0 ? `${http}: ${listedText(why)}` : http) + tries }];
  } else if (answer.status >= 400) findings = [{ state: 'critical', text: http }];
  else if (answer.status < 200 || answer.status >= 300) findings = [{ state: 'unknown', text: http }];
  else if (!body) findings = [{ state: 'unknown', text: reading?.ok === false ? reading.problem : http }];
  else {
    findings = bodyFindings(body, services, thresholds);
    const slow = slowness(responseMs, thresholds);
    if (slow) findings.push({ ...slow, text: `answer ${slow.text}` });
  }
  const worst = findings.reduce<HealthState>((w, f) => (SEVERITY[f.state] > SEVERITY[w] ? f.state : w), 'ok');
  const reason =
    findings.length === 0
      ? `${facts.status} (${services.length} service${services.length === 1 ? '' : 's'})`
      : listedText(findings.map((f) => f.text));
  return { ...base, ...facts, state: worst, reason, responseMs, httpStatus: answer.status };
}

const NO_BODY = { status: null, version: null, uptimeSeconds: null, services: [] } as const;

function bodyFacts(body: HealthBody, services: readonly ServiceHealth[]) {
  return {
    status: body.status,
    version: body.version ?? null,
    uptimeSeconds: body.uptime ?? null,
    services,
  };
}

function serviceHealth(body: HealthBody, thresholds: VerdictThresholds): ServiceHealth[] {
  return Object.entries(body.services).map(([name, reported]) => {
    const { status, response_time, ...fields } = reported;
    const responseTime = response_time ?? null;
    return {
      name,
      status,
      responseTime,
      fields,
      slow: responseTime !== null && slowness(responseTime * 1000, thresholds) !== null,
    };
  });
}

/** What the body says: its overall status first, then each service not healthy or slow. */
function bodyFindings(
  body: HealthBody,
  services: readonly ServiceHealth[],
  thresholds: VerdictThresholds,
): Finding[] {
  const findings: Finding[] = [];
  const overall = body.status.toLowerCase();
  if (overall === 'unhealthy') findings.push({ state: 'critical', text: 'unhealthy' });
  else if (overall === 'degraded') findings.push({ state: 'warning', text: 'degraded' });
  else if (!isHealthyStatus(overall))
    findings.push({ state: 'unknown', text: `unknown status ${quote(body.status)}` });
  for (const service of services) {
    const name = `services.${service.name}`;
    if (!isHealthyStatus(service.status))
      findings.push({ state: 'warning', text: `${name}: ${service.status}` });
    const slow = service.responseTime === null ? null : slowness(service.responseTime * 1000, thresholds);
    if (slow) findings.push({ ...slow, text: `${name} ${slow.text}` });
  }
  return findings;
}

/** Over criticalMs: CRITICAL; else over warnMs: WARNING; else null. The text names the threshold crossed. */
function slowness(ms: number, { warnMs, criticalMs }: VerdictThresholds): Finding | null {
  if (criticalMs !== undefined && ms > criticalMs)
    return { state: 'critical', text: `slower than ${criticalMs} ms` };
  return ms > warnMs ? { state: 'warning', text: `slower than ${warnMs} ms` } : null;
}

function listedText(texts: readonly string[]): string {
  if (texts.length <= MAX_LISTED + 1) return texts.join('; ');
  return `${texts.slice(0, MAX_LISTED).join('; ')}; and ${texts.length - MAX_LISTED} more`;
}

function quote(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 37)}...` : text);
}
