import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cutIntoRuns } from './shardPlan.js';

test('runs are consecutive, cover every item once and balance the weights', () => {
  const items = ['a.10', 'a.9', 'a.8', 'a.7', 'a.6', 'a.5', 'a.4', 'a.3', 'a.2', 'a.1', 'a'];
  const weights = [15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 7];
  const runs = cutIntoRuns(items, weights, 2);
  assert.deepEqual(runs.flat(), items);
  assert.deepEqual(
    runs.map((r) => r.length),
    [5, 6],
  );
  assert.deepEqual(cutIntoRuns(items, weights, 3).flat(), items);
});

test('every run gets at least one item, even when one item outweighs the rest', () => {
  const runs = cutIntoRuns(['big', 'b', 'c'], [100, 1, 1], 3);
  assert.deepEqual(runs, [['big'], ['b'], ['c']]);
  assert.deepEqual(cutIntoRuns(['x', 'y'], [1, 100], 2), [['x'], ['y']]);
});
