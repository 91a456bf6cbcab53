import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nearestRank, parsePercentile, parsePercentiles } from './percentiles.js';

test('--percentiles: labels, order, duplicates', () => {
  assert.deepEqual(
    parsePercentiles('99.99,50,75,p50,99.90').map((p) => p.label),
    ['p50', 'p75', 'p99.9', 'p99.99'],
  );
  for (const bad of ['', '0', '101', 'abc', '50,,x', '-5', '1e2'])
    assert.throws(() => parsePercentiles(bad), /bad --percentiles/, bad);
});

test('nearest rank is ⌈p/100·n⌉ computed without rounding error', () => {
  const rank = (p: string, n: number) => nearestRank(parsePercentile(p), n);
  assert.equal(rank('50', 1), 1);
  assert.equal(rank('50', 2), 1);
  assert.equal(rank('50', 3), 2);
  assert.equal(rank('7', 100), 7); // 0.07 * 100 is 7.000000000000001 in floating point
  assert.equal(rank('99.9', 1000), 999);
  assert.equal(rank('99.9', 1001), 1000);
  assert.equal(rank('100', 12345), 12345);
  assert.equal(rank('0.001', 10), 1);
  assert.equal(rank('99.99', 123_456_789_012), 123_444_443_334);
});
