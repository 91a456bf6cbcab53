import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sparkline } from './sparkline.js';

test('a sparkline scales from the lowest to the highest value', () => {
  assert.equal(sparkline([0, 1, 2, 3, 4, 5, 6, 7], 20), '▁▂▃▄▅▆▇█');
  assert.equal(sparkline([5, 5, 5], 10), '▄▄▄');
  assert.equal(sparkline([], 10), '');
});

test('more values than width: each character is the mean of its slice', () => {
  const line = sparkline([0, 0, 10, 10, 0, 0, 10, 10], 4);
  assert.equal(line, '▁█▁█');
  assert.equal(
    sparkline(
      Array.from({ length: 1000 }, (_, i) => i),
      30,
    ).length,
    30,
  );
});
