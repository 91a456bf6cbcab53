import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sparkChart, sparkline } from './sparkline.js';

test('a sparkline scales from the lowest to the highest value', () => {
  assert.equal(sparkline([0, 1, 2, 3, 4, 5, 6, 7], 20), '▁▂▃▄▅▆▇█');
  assert.equal(sparkline([100, 107, 114], 10), '▁▅█');
  assert.equal(sparkline([-3, 3], 10), '▁█');
  assert.equal(sparkline([], 10), '');
});

test('a constant series is a flat line, also when float noise makes its values differ', () => {
  assert.equal(sparkline([5, 5, 5], 10), '▄▄▄');
  assert.equal(sparkline([0, 0, 0, 0], 10), '▄▄▄▄');
  // 1.50 s as metrics show read it back: the same figure, computed six ways.
  const seconds = [1.5, 1.5, 1.5, 0.1 * 15, (0.7 + 0.8) / 1, 1.5000000000000002];
  assert.equal(sparkline(seconds, 30), '▄▄▄▄▄▄');
  assert.deepEqual(sparkChart([2, 2, 2], 3, 2), ['   ', '███']);
});

test('a missing sample (NaN) is a gap: a space, and the scale comes from the values there are', () => {
  assert.equal(sparkline([0, NaN, 10, NaN], 10), '▁ █ ');
  assert.equal(sparkline([NaN, NaN], 10), '  ');
  // Slices that average several samples skip the missing ones; a slice of only gaps is a gap.
  assert.equal(sparkline([0, NaN, NaN, NaN, 10, 10], 3), '▁ █');
});

test('never wider than asked, never stretched: fewer values than width draw one character each', () => {
  assert.equal(sparkline([1, 2, 3], 40).length, 3);
  assert.equal(sparkline([0, 0, 10, 10, 0, 0, 10, 10], 4), '▁█▁█');
  assert.equal(
    sparkline(
      Array.from({ length: 1000 }, (_, i) => i),
      30,
    ).length,
    30,
  );
  assert.equal(sparkline([1, 2, 3], 0), '');
});

test('a taller chart has eight levels a row, the lowest value one eighth of the bottom row', () => {
  assert.deepEqual(sparkChart([0, 15, 5, 10], 4, 2), [' █ ▃', '▁█▆█']);
  const rows = sparkChart(
    Array.from({ length: 50 }, (_, i) => i % 7),
    50,
    5,
  );
  assert.equal(rows.length, 5);
  assert.ok(rows.every((row) => row.length === 50));
});

test('a given scale: bars of counts from zero, so a quiet interval reads low', () => {
  assert.equal(sparkline([0, 5, 10], 10, { low: 0, high: 10 }), '▁▅█');
  assert.equal(sparkline([0, 0, 0], 10, { low: 0, high: 1 }), '▁▁▁');
  assert.equal(sparkline([4, 4], 10, { low: 0, high: 8 }), '▅▅');
});
