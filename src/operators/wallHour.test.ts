import { test } from 'node:test';
import assert from 'node:assert/strict';
import { wallClockIn } from '../core/timeZone.js';
import { testRecord } from '../../test/kit/logRecord.js';
import { asctimeIn } from '../../test/kit/wallClock.js';
import { wallHourKey } from './wallHour.js';

/** The keys of records written at these instants as Django writes them with TIME_ZONE = zone, read in `readIn`. */
function keysOf(zone: string, instants: readonly string[], readIn = zone): Array<string | null> {
  const key = wallHourKey(wallClockIn(readIn));
  return instants.map((iso) =>
    key(testRecord('x', { time: Date.parse(iso), timeText: asctimeIn(Date.parse(iso), zone) })),
  );
}

test('an hour of the log wall clock, given as the UTC instant it starts', () => {
  assert.deepEqual(keysOf('America/New_York', ['2024-01-20T15:23:45.123Z', '2024-07-20T14:59:59.999Z']), [
    '2024-01-20T15:00:00Z',
    '2024-07-20T14:00:00Z',
  ]);
  assert.deepEqual(keysOf('UTC', ['2024-01-20T10:00:00.000Z']), ['2024-01-20T10:00:00Z']);
});

test('a half-hour zone: 10:xx in Kolkata is one bucket from 04:30 UTC, not two UTC hours', () => {
  // 04:35Z and 05:25Z are 10:05 and 10:55 in Kolkata: one wall-clock hour.
  const keys = keysOf('Asia/Kolkata', [
    '2024-01-20T04:35:00.000Z',
    '2024-01-20T05:25:00.000Z',
    '2024-01-20T05:30:00.000Z',
  ]);
  assert.deepEqual(keys, ['2024-01-20T04:30:00Z', '2024-01-20T04:30:00Z', '2024-01-20T05:30:00Z']);
  assert.deepEqual(keysOf('Asia/Kolkata', ['2024-01-20T04:35:00.000Z'], '+05:30'), ['2024-01-20T04:30:00Z']);
});

test('the hour DST repeats is two buckets: the second starts when the clock steps back', () => {
  // New York, 2024-11-03: 01:xx EDT (05:xxZ), then 01:xx again in EST (06:xxZ), then 02:xx EST.
  const keys = keysOf('America/New_York', [
    '2024-11-03T05:10:00.000Z',
    '2024-11-03T05:50:00.000Z',
    '2024-11-03T05:49:59.000Z', // writers' disorder: not a step back
    '2024-11-03T06:05:00.000Z',
    '2024-11-03T06:40:00.000Z',
    '2024-11-03T07:10:00.000Z',
  ]);
  assert.deepEqual(keys, [
    '2024-11-03T05:00:00Z',
    '2024-11-03T05:00:00Z',
    '2024-11-03T05:00:00Z',
    '2024-11-03T06:00:00Z',
    '2024-11-03T06:00:00Z',
    '2024-11-03T07:00:00Z',
  ]);
});

test('outside the repeated hour a step back keeps the hour; no time is no key', () => {
  const keys = keysOf('America/New_York', ['2024-01-20T15:50:00.000Z', '2024-01-20T15:05:00.000Z']);
  assert.deepEqual(keys, ['2024-01-20T15:00:00Z', '2024-01-20T15:00:00Z']);
  assert.equal(wallHourKey(wallClockIn('UTC'))(testRecord('x', { time: null })), null);
});
