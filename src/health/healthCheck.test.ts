import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { closedPort, startHealthServer, type HealthServer } from '../../test/kit/healthServer.js';
import { timedHealthCheck } from './healthCheck.js';

/** The check's deadline against a real server, with a clock the test moves. */
let server: HealthServer;
before(async () => (server = await startHealthServer()));
after(() => server.close());

/** performance.now(), jumped `ms` ahead from its second reading on (after the answer came). */
function jumpingClock(ms: number): () => number {
  let readings = 0;
  return () => performance.now() + (readings++ > 0 ? ms : 0);
}

const options = { timeoutMs: 3000, retries: 0, warnMs: 1000 };

test('an answer read and judged after the attempt timeout ran out: UNKNOWN "check exceeded"', async () => {
  const { result, deadline } = await timedHealthCheck({
    ...options,
    url: `${server.base}/healthy`,
    clock: jumpingClock(5000),
  });
  assert.equal(result.state, 'unknown');
  assert.equal(result.reason, 'check exceeded --timeout 3 s');
  assert.deepEqual(result.services, []);
  assert.equal(result.httpStatus, 200);
  assert.ok(deadline <= performance.now() + 3000);
});

test('within the timeout: the verdict stands, and the deadline is what is left of the attempt', async () => {
  const { result, deadline } = await timedHealthCheck({ ...options, url: `${server.base}/healthy` });
  assert.equal(result.state, 'ok');
  const left = deadline - performance.now();
  assert.ok(left > 2000 && left <= 3000, `${left} ms left`);
});

test('no answer: its failure is the verdict, whenever it is printed', async () => {
  const { result, deadline } = await timedHealthCheck({
    ...options,
    url: `http://127.0.0.1:${await closedPort()}/health`,
    clock: jumpingClock(5000),
  });
  assert.equal(result.state, 'critical');
  assert.equal(deadline, Number.POSITIVE_INFINITY);
});
