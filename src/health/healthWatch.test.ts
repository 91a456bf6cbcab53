import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { HealthCheckResult, HealthState } from '../core/health.js';
import { watchHealth } from './healthWatch.js';

function result(state: HealthState, reason: string, checkedAt = 0): HealthCheckResult {
  return {
    url: 'http://app/health',
    state,
    reason,
    checkedAt,
    elapsedMs: 1,
    httpStatus: 200,
    status: null,
    version: null,
    uptimeSeconds: null,
    services: [],
  };
}

/** A watch over scripted checks; the check after the last is cut short by a stop (Ctrl-C). */
async function watchScript(script: Array<[HealthState, string]>, intervalMs = 1) {
  const stop = new AbortController();
  const changes: string[] = [];
  let checks = 0;
  let recorded = 0;
  const last = await watchHealth({
    intervalMs,
    signal: stop.signal,
    check: async () => {
      checks++;
      if (checks > script.length) {
        stop.abort();
        return result('unknown', 'stopped', checks);
      }
      const [state, reason] = script[checks - 1]!;
      return result(state, reason, checks);
    },
    onCheck: async () => {
      recorded++;
    },
    onChange: (r) => {
      changes.push(`${r.checkedAt} ${r.state} ${r.reason}`);
    },
  });
  return { last, changes, checks, recorded };
}

test('prints the first check and then only changes of state or reason; records every check', async () => {
  const { last, changes, checks, recorded } = await watchScript([
    ['ok', 'healthy (4 services)'],
    ['ok', 'healthy (4 services)'],
    ['warning', 'degraded'],
    ['warning', 'degraded'],
    ['warning', 'degraded; services.redis: degraded'],
    ['ok', 'healthy (4 services)'],
  ]);
  assert.equal(checks, 7);
  assert.deepEqual(changes, [
    '1 ok healthy (4 services)',
    '3 warning degraded',
    '5 warning degraded; services.redis: degraded',
    '6 ok healthy (4 services)',
  ]);
  assert.equal(recorded, 6); // the seventh was cut short by the stop: not a finding, dropped
  assert.equal(last?.checkedAt, 6);
});

test('stopped during the first check: no result', async () => {
  const { last, changes } = await watchScript([]);
  assert.equal(last, undefined);
  assert.deepEqual(changes, []);
});

test('the interval runs from the start of one check to the start of the next; a stop ends the wait', async () => {
  const stop = new AbortController();
  const starts: number[] = [];
  const watching = watchHealth({
    intervalMs: 150,
    signal: stop.signal,
    check: async () => {
      starts.push(performance.now());
      await new Promise((resolve) => setTimeout(resolve, 50));
      return result('ok', 'healthy');
    },
    onChange: () => undefined,
  });
  await new Promise((resolve) => setTimeout(resolve, 400));
  const stoppedAt = performance.now();
  stop.abort();
  const last = await watching;
  assert.ok(performance.now() - stoppedAt < 50, 'the wait ends at once');
  assert.equal(last?.state, 'ok');
  assert.equal(starts.length, 3);
  for (let i = 1; i < starts.length; i++) {
    const gap = starts[i]! - starts[i - 1]!;
    assert.ok(gap >= 145 && gap < 250, `gap ${gap}`);
  }
});
