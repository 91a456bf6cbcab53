import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { HealthState } from '../core/health.js';
import { DEGRADED_BODY, GUIDE_BODY, UNHEALTHY_BODY } from '../../test/kit/healthServer.js';
import { readHealthBody } from './healthBody.js';
import type { EndpointAnswer, EndpointFailureKind } from './healthEndpoint.js';
import { healthVerdict } from './healthVerdict.js';

const WARN_MS = 1000;

function verdict(
  answer: EndpointAnswer,
  { attempts = 1, attemptMs = 20, criticalMs = undefined as number | undefined } = {},
) {
  const reading = answer.kind === 'response' ? readHealthBody(answer.contentType, answer.body) : null;
  return healthVerdict(
    {
      url: 'http://app/health',
      checkedAt: 1_700_000_000_000,
      fetched: { answer, attempts, attemptMs, elapsedMs: attemptMs * attempts },
      reading,
    },
    { warnMs: WARN_MS, criticalMs },
  );
}

function response(
  status: number,
  body: unknown,
  contentType = 'application/json',
  statusText = '',
): EndpointAnswer {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return { kind: 'response', status, statusText, contentType, body: Buffer.from(text) };
}

function failure(kind: EndpointFailureKind, detail: string): EndpointAnswer {
  return { kind: 'failure', failure: kind, detail, retryable: false };
}

const services = (extra: Record<string, unknown>) => ({ ...GUIDE_BODY.services, ...extra });

function expect(answer: EndpointAnswer, state: HealthState, reason: string, options = {}) {
  const result = verdict(answer, options);
  assert.deepEqual([result.state, result.reason], [state, reason]);
  return result;
}

test('healthy: OK, with every fact of the body', () => {
  const result = expect(response(200, GUIDE_BODY), 'ok', 'healthy (4 services)');
  assert.equal(result.httpStatus, 200);
  assert.equal(result.status, 'healthy');
  assert.equal(result.version, '1.0.0');
  assert.equal(result.uptimeSeconds, 86400);
  assert.equal(result.responseMs, 20);
  assert.deepEqual(result.services[0], {
    name: 'database',
    status: 'healthy',
    responseTime: 0.023,
    fields: {},
    slow: false,
  });
  assert.deepEqual(result.services[2], {
    name: 'openai',
    status: 'healthy',
    responseTime: null,
    fields: { rate_limit_remaining: 4500 },
    slow: false,
  });
});

test('the table of states', () => {
  const cases: Array<[EndpointAnswer, HealthState, string]> = [
    [response(200, DEGRADED_BODY), 'warning', 'degraded; services.redis: degraded'],
    [
      response(200, { ...GUIDE_BODY, services: services({ twilio: { status: 'unhealthy' } }) }),
      'warning',
      'services.twilio: unhealthy',
    ],
    [response(200, UNHEALTHY_BODY), 'critical', 'unhealthy; services.database: unhealthy'],
    [
      response(503, UNHEALTHY_BODY, 'application/json', 'Service Unavailable'),
      'critical',
      'HTTP 503 Service Unavailable: unhealthy; services.database: unhealthy',
    ],
    // HTTP 5xx wins: even a body claiming health, even an HTML page.
    [response(500, GUIDE_BODY), 'critical', 'HTTP 500'],
    [
      response(502, '<html>Bad Gateway</html>', 'text/html', 'Bad Gateway'),
      'critical',
      'HTTP 502 Bad Gateway',
    ],
    [response(404, '<html/>', 'text/html', 'Not Found'), 'critical', 'HTTP 404 Not Found'],
    [
      response(401, { detail: 'no' }, 'application/json', 'Unauthorized'),
      'critical',
      'HTTP 401 Unauthorized',
    ],
    [
      response(200, '<html/>', 'text/html'),
      'unknown',
      'unexpected content type "text/html" (expected application/json)',
    ],
    [
      response(200, '{"status": "heal', 'application/json'),
      'unknown',
      'not JSON: a string that never ends at line 1 column 17',
    ],
    [response(200, { status: 'healthy' }), 'unknown', 'wrong schema: services: missing'],
    [response(200, { ...GUIDE_BODY, status: 'maintenance' }), 'unknown', 'unknown status "maintenance"'],
    [response(204, ''), 'unknown', 'not JSON: empty body'],
    [failure('timeout', 'timeout after 5 s'), 'critical', 'timeout after 5 s'],
    [failure('connect', 'connection refused'), 'critical', 'connection refused'],
    [failure('redirect', 'more than 3 redirects'), 'unknown', 'more than 3 redirects'],
    [failure('redirect', 'HTTP 302 without Location'), 'unknown', 'HTTP 302 without Location'],
    [failure('tooLarge', 'body over 1 MiB'), 'unknown', 'body over 1 MiB'],
    [
      failure('protocol', 'not an HTTP answer (HPE_INVALID_CONSTANT)'),
      'unknown',
      'not an HTTP answer (HPE_INVALID_CONSTANT)',
    ],
  ];
  for (const [answer, state, reason] of cases) {
    const result = verdict(answer);
    assert.deepEqual([result.state, result.reason], [state, reason], reason);
  }
});

test('statuses are compared without case', () => {
  expect(response(200, { ...GUIDE_BODY, status: 'Healthy' }), 'ok', 'Healthy (4 services)');
  expect(response(200, { ...GUIDE_BODY, status: 'UNHEALTHY' }), 'critical', 'unhealthy');
});

test('slower than --warn-ms: a service, or the answer itself, is a warning', () => {
  const slow = { ...GUIDE_BODY, services: services({ database: { status: 'healthy', response_time: 1.5 } }) };
  const result = expect(response(200, slow), 'warning', 'services.database slower than 1000 ms');
  assert.equal(result.services[0]?.slow, true);
  assert.equal(result.services[1]?.slow, false);
  // exactly the limit is not slower
  const edge = { ...GUIDE_BODY, services: services({ database: { status: 'healthy', response_time: 1 } }) };
  expect(response(200, edge), 'ok', 'healthy (4 services)');
  expect(response(200, GUIDE_BODY), 'warning', 'answer slower than 1000 ms', { attemptMs: 1200 });
});

test('slower than -c (criticalMs): a service, or the answer itself, is critical', () => {
  const slow = { ...GUIDE_BODY, services: services({ database: { status: 'healthy', response_time: 2.5 } }) };
  const result = expect(response(200, slow), 'critical', 'services.database slower than 2000 ms', {
    criticalMs: 2000,
  });
  assert.equal(result.services[0]?.slow, true);
  // between the two: a warning; exactly the limit is not slower
  expect(response(200, slow), 'warning', 'services.database slower than 1000 ms', { criticalMs: 2500 });
  expect(response(200, GUIDE_BODY), 'critical', 'answer slower than 2000 ms', {
    attemptMs: 2001,
    criticalMs: 2000,
  });
  expect(response(200, GUIDE_BODY), 'warning', 'answer slower than 1000 ms', {
    attemptMs: 2000,
    criticalMs: 2000,
  });
});

test('"ok" and "up" are healthy too (isHealthyStatus), for the body and each service, in any case', () => {
  const body = {
    status: 'OK',
    services: {
      database: { status: 'up', response_time: 0.02 },
      redis: { status: 'Ok' },
      s3: { status: 'UP' },
    },
  };
  expect(response(200, body), 'ok', 'OK (3 services)');
  expect(response(200, { ...body, status: 'up' }), 'ok', 'up (3 services)');
  expect(response(200, { ...body, status: 'down' }), 'unknown', 'unknown status "down"');
});

test('several findings: the worst state, each named; reasons hold no measured numbers', () => {
  const body = {
    ...DEGRADED_BODY,
    services: services({
      redis: { status: 'degraded', response_time: 3.2 },
      twilio: { status: 'unhealthy' },
    }),
  };
  expect(
    response(200, body),
    'warning',
    'degraded; services.redis: degraded; services.redis slower than 1000 ms; services.twilio: unhealthy',
  );
  const worse = {
    ...body,
    status: 'unhealthy',
    services: services({ a: { status: 'x' }, b: { status: 'y' } }),
  };
  expect(response(200, worse), 'critical', 'unhealthy; services.a: x; services.b: y');
  const many = {
    status: 'healthy',
    services: Object.fromEntries('abcdef'.split('').map((n) => [n, { status: 'down' }])),
  };
  expect(response(200, many), 'warning', 'services.a: down; services.b: down; services.c: down; and 3 more');
});

test('retries show in the reason only when the answer is still a failure', () => {
  expect(failure('timeout', 'timeout after 1 s'), 'critical', 'timeout after 1 s (3 attempts)', {
    attempts: 3,
  });
  expect(response(503, 'down', 'text/plain'), 'critical', 'HTTP 503 (2 attempts)', { attempts: 2 });
  const result = expect(response(200, GUIDE_BODY), 'ok', 'healthy (4 services)', { attempts: 2 });
  assert.equal(result.attempts, 2);
});

test('no HTTP answer: no status, services or response time', () => {
  const result = verdict(failure('connect', 'connection refused'));
  assert.deepEqual(
    [
      result.httpStatus,
      result.status,
      result.version,
      result.uptimeSeconds,
      result.services,
      result.responseMs,
    ],
    [null, null, null, null, [], null],
  );
});
