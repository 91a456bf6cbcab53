import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bucketIndex, LogBuckets } from './logBuckets.js';

test('1-2-5 buckets: a bound belongs to the bucket it starts', () => {
  const buckets = new LogBuckets();
  for (const v of [0, 0, 0.05, 0.06, 0.0999, 0.1, 0.2, 0.7]) buckets.add(v);
  assert.deepEqual(buckets.buckets(), [
    { from: 0, to: 0, count: 2 },
    { from: 0.05, to: 0.1, count: 3 },
    { from: 0.1, to: 0.2, count: 1 },
    { from: 0.2, to: 0.5, count: 1 },
    { from: 0.5, to: 1, count: 1 },
  ]);
});

test('empty buckets between filled ones are listed; merge adds counts', () => {
  const a = new LogBuckets();
  const b = new LogBuckets();
  a.add(0.001);
  b.add(0.01);
  b.add(0.001);
  a.merge(b);
  assert.deepEqual(
    a.buckets().map((x) => [x.from, x.count]),
    [
      [0.001, 2],
      [0.002, 0],
      [0.005, 0],
      [0.01, 1],
    ],
  );
});

test('every bound lands in its own bucket across the range of doubles', () => {
  for (let decade = -300; decade <= 300; decade += 7)
    for (const step of [1, 2, 5]) {
      const bound = Number(`${step}e${decade}`);
      assert.equal(bucketIndex(bound), bucketIndex(bound * (1 + 1e-12)), `${bound}`);
      assert.equal(bucketIndex(bound) - 1, bucketIndex(bound * (1 - 1e-12)), `${bound}`);
    }
  assert.equal(bucketIndex(Number.MAX_VALUE), bucketIndex(1e308));
});
