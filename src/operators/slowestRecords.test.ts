import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { LogRecord } from '../core/record.js';
import { testRecord } from '../../test/kit/logRecord.js';
import { SlowestRecords } from './slowestRecords.js';

const record = (i: number): LogRecord =>
  testRecord(`record ${i}`, { time: i * 1000, timeText: `t${i}`, line: i + 1, raw: '' });

test('keeps the N largest, slowest first, whatever the order they come in', () => {
  const values = Array.from({ length: 2000 }, (_, i) => ((i * 7919) % 2003) / 100);
  const slowest = new SlowestRecords(10);
  values.forEach((v, i) => slowest.push(v, record(i)));
  const expected = [...values].sort((a, b) => b - a).slice(0, 10);
  assert.deepEqual(
    slowest.sorted().map((r) => r.seconds),
    expected,
  );
});

test('on equal durations the earlier records stay, in time order', () => {
  const slowest = new SlowestRecords(2);
  for (let i = 0; i < 5; i++) slowest.push(1, record(i));
  assert.deepEqual(
    slowest.sorted().map((r) => r.message),
    ['record 0', 'record 1'],
  );
});
