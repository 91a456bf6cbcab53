import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hourColumn } from './hourColumn.js';

test('hours on the log wall clock, the zone in the header, other keys as they are', () => {
  const column = hourColumn('Asia/Kolkata', ['2024-01-20T04:30:00Z', '-']);
  assert.equal(column.head, 'hour (Asia/Kolkata)');
  assert.equal(column.cell('2024-01-20T04:30:00Z'), '2024-01-20 10:00');
  assert.equal(column.cell('-'), '-');
});

test('the two hours a DST end repeats each get their offset', () => {
  const keys = ['2024-11-03T04:00:00Z', '2024-11-03T05:00:00Z', '2024-11-03T06:00:00Z'];
  const column = hourColumn('America/New_York', keys);
  assert.deepEqual(keys.map(column.cell), [
    '2024-11-03 00:00',
    '2024-11-03 01:00 -04:00',
    '2024-11-03 01:00 -05:00',
  ]);
});
