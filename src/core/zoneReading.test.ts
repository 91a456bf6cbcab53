import { test } from 'node:test';
import assert from 'node:assert/strict';
import { wallClockIn } from './timeZone.js';
import { offsetText, zoneName, zoneReader } from './zoneReading.js';

test('zoneReader shows an instant on the zone clock, with its offset', () => {
  const newYork = zoneReader('America/New_York');
  assert.deepEqual(newYork(Date.parse('2024-11-03T05:30:00Z')), {
    text: '2024-11-03 01:30',
    offsetMinutes: -240,
  });
  assert.deepEqual(newYork(Date.parse('2024-11-03T06:30:00Z')), {
    text: '2024-11-03 01:30',
    offsetMinutes: -300,
  });
  assert.deepEqual(zoneReader('Asia/Kolkata')(Date.parse('2024-01-20T04:30:00Z')), {
    text: '2024-01-20 10:00',
    offsetMinutes: 330,
  });
  assert.deepEqual(zoneReader('-05:00')(Date.parse('2024-01-20T15:00:00Z')), {
    text: '2024-01-20 10:00',
    offsetMinutes: -300,
  });
  assert.deepEqual(zoneReader('UTC')(0), { text: '1970-01-01 00:00', offsetMinutes: 0 });
});

test('the later reading of a repeated wall-clock time', () => {
  const newYork = wallClockIn('America/New_York');
  assert.equal(new Date(newYork(2024, 11, 3, 1, 30, 0)).toISOString(), '2024-11-03T05:30:00.000Z');
  assert.equal(new Date(newYork(2024, 11, 3, 1, 30, 0, true)).toISOString(), '2024-11-03T06:30:00.000Z');
  // Not repeated: the same instant either way.
  assert.equal(newYork(2024, 1, 20, 10, 0, 0, true), newYork(2024, 1, 20, 10, 0, 0));
  assert.equal(wallClockIn('+05:30')(2024, 1, 20, 10, 0, 0, true), Date.parse('2024-01-20T04:30:00Z'));
});

test('zone names for labels', () => {
  assert.equal(zoneName('America/New_York'), 'America/New_York');
  assert.equal(zoneName('utc'), 'UTC');
  assert.equal(zoneName('+0530'), 'UTC+05:30');
  assert.equal(zoneName('-05:00'), 'UTC-05:00');
  assert.equal(offsetText(-270), '-04:30');
});
