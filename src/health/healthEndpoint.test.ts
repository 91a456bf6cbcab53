import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { closedPort, startHealthServer, type HealthServer } from '../../test/kit/healthServer.js';
import {
  backoffMs,
  fetchHealthEndpoint,
  type EndpointFetch,
  type EndpointOptions,
} from './healthEndpoint.js';

let server: HealthServer;
before(async () => {
  server = await startHealthServer();
});
after(() => server.close());

const OPTIONS: EndpointOptions = { timeoutMs: 2000, retries: 0, maxBodyBytes: 1_048_576, maxRedirects: 3 };
const get = (path: string, options: Partial<EndpointOptions> = {}) =>
  fetchHealthEndpoint(`${server.base}${path}`, { ...OPTIONS, ...options });

function failureOf(fetched: EndpointFetch): string {
  assert.equal(fetched.answer.kind, 'failure', JSON.stringify(fetched.answer));
  return fetched.answer.kind === 'failure' ? `${fetched.answer.failure}: ${fetched.answer.detail}` : '';
}

function statusOf(fetched: EndpointFetch): number {
  assert.equal(fetched.answer.kind, 'response');
  return fetched.answer.kind === 'response' ? fetched.answer.status : 0;
}

test('a healthy answer: status, content type and the whole body', async () => {
  const fetched = await get('/healthy');
  assert.equal(statusOf(fetched), 200);
  assert.ok(fetched.answer.kind === 'response');
  assert.equal(fetched.answer.contentType, 'application/json');
  assert.equal(JSON.parse(fetched.answer.body.toString()).version, '1.0.0');
  assert.equal(fetched.attempts, 1);
});

test('the timeout covers waiting for headers and reading the body', async () => {
  for (const path of ['/slow-headers', '/slow-body']) {
    const started = performance.now();
    const fetched = await get(path, { timeoutMs: 400 });
    const took = performance.now() - started;
    assert.equal(failureOf(fetched), 'timeout: timeout after 0.4 s', path);
    assert.ok(took >= 390 && took < 1400, `${path} took ${took} ms`);
  }
});

test('retries are bounded: timeout × attempts plus the pauses, and counted', async () => {
  const started = performance.now();
  const fetched = await get('/slow-headers', { timeoutMs: 300, retries: 2, backoff: () => 100 });
  const took = performance.now() - started;
  assert.equal(failureOf(fetched), 'timeout: timeout after 0.3 s');
  assert.equal(fetched.attempts, 3);
  assert.ok(took >= 1090 && took < 2100, `took ${took} ms`);
});

test('a 5xx is retried and the retry gets the healthy answer; the pause is the backoff', async () => {
  const pauses: number[] = [];
  const fetched = await get('/flaky/retry', { retries: 3, backoff: (n) => (pauses.push(n), 50) });
  assert.equal(statusOf(fetched), 200);
  assert.equal(fetched.attempts, 2);
  assert.deepEqual(pauses, [1]);
  assert.equal(server.hits('/flaky/retry'), 2);
});

test('without retries the 503 is the answer', async () => {
  const fetched = await get('/flaky/once');
  assert.equal(statusOf(fetched), 503);
  assert.equal(server.hits('/flaky/once'), 1);
});

test('4xx, redirect problems and an oversized body are not retried', async () => {
  const fast = { retries: 2, backoff: () => 5000 };
  const started = performance.now();
  assert.equal(statusOf(await get('/not-found', fast)), 404);
  assert.equal(failureOf(await get('/loop', fast)), 'redirect: more than 3 redirects');
  assert.equal(failureOf(await get('/huge', fast)), 'tooLarge: body over 1 MiB');
  assert.ok(performance.now() - started < 2000);
  assert.equal(server.hits('/not-found'), 1);
});

test('default backoff: 0.5 s doubling, at most 5 s', () => {
  assert.deepEqual([1, 2, 3, 4, 5, 6].map(backoffMs), [500, 1000, 2000, 4000, 5000, 5000]);
});

test('redirects: followed up to the limit, relative Locations resolved', async () => {
  assert.equal(statusOf(await get('/redirect')), 200);
  assert.equal(statusOf(await get('/hop/3')), 200);
  assert.equal(failureOf(await get('/hop/4')), 'redirect: more than 3 redirects');
  assert.equal(failureOf(await get('/loop/count')), 'redirect: more than 3 redirects');
  assert.equal(server.hits('/loop/count'), 4); // the first request and three redirects, then stop
  assert.equal(failureOf(await get('/no-location')), 'redirect: HTTP 302 without Location');
});

test('the body cap counts bytes as they arrive (no Content-Length needed)', async () => {
  assert.equal(failureOf(await get('/huge', { maxBodyBytes: 1_048_576 })), 'tooLarge: body over 1 MiB');
  assert.equal(failureOf(await get('/healthy', { maxBodyBytes: 100 })), 'tooLarge: body over 100 bytes');
  assert.equal(statusOf(await get('/huge', { maxBodyBytes: 3 * 1_048_576 })), 200);
});

test('a body cut off before its Content-Length is a connection failure, retried', async () => {
  const fetched = await get('/cut-off', { retries: 1, backoff: () => 10 });
  assert.equal(failureOf(fetched), 'connect: connection closed before the body ended');
  assert.equal(fetched.attempts, 2);
});

test('connection refused is retried, then reported', async () => {
  const port = await closedPort();
  const fetched = await fetchHealthEndpoint(`http://127.0.0.1:${port}/health`, {
    ...OPTIONS,
    retries: 1,
    backoff: () => 10,
  });
  assert.equal(failureOf(fetched), 'connect: connection refused');
  assert.equal(fetched.attempts, 2);
});

test('user:password@ goes as Basic auth, never to another origin after a redirect', async () => {
  const as = (password: string, path: string) =>
    fetchHealthEndpoint(`${server.base.replace('//', `//user:${password}@`)}${path}`, OPTIONS);
  assert.equal(statusOf(await as('s3cret', '/auth')), 200);
  assert.equal(statusOf(await as('nope', '/auth')), 401);
  assert.equal(statusOf(await as('p%40ss', '/auth')), 200, 'percent-escapes are decoded');
  const away = await as('s3cret', '/auth/redirect-away');
  assert.ok(away.answer.kind === 'response');
  assert.equal(JSON.parse(away.answer.body.toString()).version, 'none');
});

test('a signal stops the check at once as "aborted"', async () => {
  const stop = new AbortController();
  setTimeout(() => stop.abort(), 100);
  const started = performance.now();
  const fetched = await get('/slow-headers', { timeoutMs: 5000, retries: 3, signal: stop.signal });
  assert.equal(failureOf(fetched), 'aborted: stopped');
  assert.equal(fetched.attempts, 1);
  assert.ok(performance.now() - started < 1000);
});
