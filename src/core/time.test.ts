import { test } from 'node:test';
import assert from 'node:assert/strict';
import { wallClockIn } from './timeZone.js';
import { asctimeParser } from './asctime.js';
import { isRelativeSpec, parseTimeSpec } from './timeSpec.js';

test('asctime in UTC, a fixed offset and an IANA zone across DST', () => {
  assert.equal(
    asctimeParser(wallClockIn('UTC'))('2024-01-20 16:30:00,123'),
    Date.UTC(2024, 0, 20, 16, 30, 0, 123),
  );
  assert.equal(
    asctimeParser(wallClockIn('+02:00'))('2024-01-20 16:30:00,123'),
    Date.UTC(2024, 0, 20, 14, 30, 0, 123),
  );
  const berlin = asctimeParser(wallClockIn('Europe/Berlin'));
  assert.equal(berlin('2024-01-20 16:30:00,000'), Date.UTC(2024, 0, 20, 15, 30));
  assert.equal(berlin('2024-07-20 16:30:00,000'), Date.UTC(2024, 6, 20, 14, 30));
  // 02:30 on 2024-10-27 happens twice in Berlin; the earlier (summer time) instant is taken.
  assert.equal(berlin('2024-10-27 02:30:00,000'), Date.UTC(2024, 9, 27, 0, 30));
});

test('asctime that is not a real date is rejected', () => {
  const parse = asctimeParser(wallClockIn('UTC'));
  assert.equal(parse('2024-02-30 16:30:00,000'), null);
  assert.equal(parse('2024-13-01 16:30:00,000'), null);
  assert.equal(parse('2024-01-01 24:00:00,000'), null);
  assert.equal(parse('2024-02-29 23:59:59,999'), Date.UTC(2024, 1, 29, 23, 59, 59, 999));
});

test('bad --tz names the valid forms', () => {
  assert.throws(() => wallClockIn('Mars/Olympus'), /bad --tz "Mars\/Olympus"; expected an IANA zone/);
});

test('a relative --since/--until is measured back from now; an ISO time is not', () => {
  for (const spec of ['15m', ' 2h ', '1.5d', 'now', '30 s', '1h30m', '90', 'today', 'yesterday'])
    assert.equal(isRelativeSpec(spec), true, spec);
  for (const spec of ['2024-01-20', '2024-01-20T16:30', '2024-01-20T16:30Z', 'tomorrow'])
    assert.equal(isRelativeSpec(spec), false, spec);
});

test('--since accepts durations, now and ISO times (zone-less ones in the logs zone)', () => {
  const now = Date.UTC(2024, 0, 20, 12, 0);
  const utc = wallClockIn('UTC');
  assert.equal(parseTimeSpec('--since', '15m', now, utc), now - 15 * 60_000);
  assert.equal(parseTimeSpec('--since', '2h', now, utc), now - 2 * 3_600_000);
  assert.equal(parseTimeSpec('--since', '1d', now, utc), now - 86_400_000);
  assert.equal(parseTimeSpec('--since', 'now', now, utc), now);
  assert.equal(parseTimeSpec('--since', '2024-01-20', now, utc), Date.UTC(2024, 0, 20));
  assert.equal(
    parseTimeSpec('--since', '2024-01-20T16:30', now, wallClockIn('+01:00')),
    Date.UTC(2024, 0, 20, 15, 30),
  );
  assert.equal(
    parseTimeSpec('--since', '2024-01-20 16:30:05.250Z', now, utc),
    Date.UTC(2024, 0, 20, 16, 30, 5, 250),
  );
  assert.equal(parseTimeSpec('--since', '1h30m', now, utc), now - 5_400_000);
  assert.equal(parseTimeSpec('--since', '90', now, utc), now - 90_000);
  assert.equal(parseTimeSpec('--since', '0s', now, utc), now);
  assert.throws(() => parseTimeSpec('--since', '1x', now, utc), {
    message:
      'bad --since "1x"; expected a duration like 90s, 15m, 1h30m, 2d or a time like 2024-01-21T10:00 or today/yesterday',
  });
  assert.throws(() => parseTimeSpec('--until', '2024-13-01', now, utc), /bad --until/);
  assert.throws(() => parseTimeSpec('--since', 'constructor', now, utc), /bad --since "constructor"/);
});

test('today and yesterday are midnight in the logs zone', () => {
  const now = Date.UTC(2024, 0, 20, 12, 0);
  assert.equal(parseTimeSpec('--since', 'today', now, wallClockIn('UTC')), Date.UTC(2024, 0, 20));
  assert.equal(parseTimeSpec('--since', 'yesterday', now, wallClockIn('UTC')), Date.UTC(2024, 0, 19));
  // 01:30 UTC on Jan 20 is still Jan 19 in New York (UTC-5): its midnight is 05:00 UTC on the 19th.
  const early = Date.UTC(2024, 0, 20, 1, 30);
  const newYork = wallClockIn('America/New_York');
  assert.equal(parseTimeSpec('--since', 'today', early, newYork), Date.UTC(2024, 0, 19, 5));
  assert.equal(parseTimeSpec('--since', 'yesterday', early, newYork), Date.UTC(2024, 0, 18, 5));
  assert.equal(parseTimeSpec('--until', 'today', early, wallClockIn('+14:00')), Date.UTC(2024, 0, 19, 10));
  // The day after the spring change (2024-03-10) starts 23 hours after the one before.
  const march = Date.UTC(2024, 2, 11, 12);
  assert.equal(parseTimeSpec('--since', 'today', march, newYork), Date.UTC(2024, 2, 11, 4));
  assert.equal(parseTimeSpec('--since', 'yesterday', march, newYork), Date.UTC(2024, 2, 10, 5));
  // Across a month and a year.
  assert.equal(
    parseTimeSpec('--since', 'yesterday', Date.UTC(2024, 0, 1, 3), wallClockIn('UTC')),
    Date.UTC(2023, 11, 31),
  );
});
