import { test } from 'node:test';
import assert from 'node:assert/strict';
import { humanDuration } from './humanDuration.js';
import { renderHistogram } from './histogram.js';

test('three significant digits in the largest unit that keeps the value at least 1', () => {
  const cases: Array<[number | null, string]> = [
    [null, '-'],
    [0, '0'],
    [0.000812, '812µs'],
    [0.0000005, '0.500µs'],
    [0.053, '53.0ms'],
    [0.9999, '1.00s'],
    [0.9994, '999ms'],
    [1.234, '1.23s'],
    [59.94, '59.9s'],
    [59.96, '1m00s'],
    [125, '2m05s'],
    [11220, '3h07m'],
    [90000, '1d01h'],
    [1e300, '1.00e+300s'],
  ];
  for (const [seconds, text] of cases) assert.equal(humanDuration(seconds), text, String(seconds));
});

test('histogram: one line per bucket, bars scaled to the fullest, a mark for any non-empty one', () => {
  const text = renderHistogram(
    [
      { from: 0, to: 0, count: 1 },
      { from: 0.05, to: 0.1, count: 1000 },
      { from: 0.1, to: 0.2, count: 0 },
      { from: 0.2, to: 0.5, count: 1 },
    ],
    { width: 40, terminal: false },
  );
  assert.equal(
    text,
    [
      '0                   1 #',
      '50.0ms – 100ms  1,000 ' + '#'.repeat(18), // 40 columns in all
      '100ms – 200ms       0',
      '200ms – 500ms       1 #',
      '',
    ].join('\n'),
  );
});
