import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HISTORY, TopState, type TopSample } from './topState.js';

const sample = (metrics: Record<string, number>, requests: number | null): TopSample => ({
  snapshot: { host: 'web-1', timestamp: 0, metrics, details: {}, failures: [] },
  requests,
  errorTypes: [],
  sms: null,
  health: null,
});

test('a refresh without a figure is a gap (NaN): the charts stay aligned in time', () => {
  const state = new TopState();
  state.push(sample({ cpu_percent: 10, memory_percent: 50 }, null));
  state.push(sample({ memory_percent: 51 }, 7));
  state.push(sample({ cpu_percent: 12, memory_percent: 52 }, 3));
  assert.deepEqual(state.cpu, [10, NaN, 12]);
  assert.deepEqual(state.memory, [50, 51, 52]);
  assert.deepEqual(state.requests, [NaN, 7, 3]);
});

test('the history is as long as the widest screen drawn, never shorter than HISTORY', () => {
  const state = new TopState();
  for (let i = 0; i < HISTORY + 50; i++) state.push(sample({ cpu_percent: i }, i));
  assert.equal(state.cpu.length, HISTORY);
  assert.equal(state.cpu.at(-1), HISTORY + 49);
  state.keepFor(300);
  state.keepFor(120); // a narrower screen later does not forget
  for (let i = 0; i < 400; i++) state.push(sample({ cpu_percent: i }, i));
  assert.equal(state.cpu.length, 300);
  state.seed({ cpu: Array.from({ length: 500 }, (_, i) => i), memory: [], requests: [] });
  assert.equal(state.cpu.length, 300);
  assert.equal(state.cpu[0], 200);
});
