import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { LogRecord } from '../core/record.js';
import { compileDurationReader } from './durationValues.js';
import { ExactQuantiles, ValueBudget } from './exactQuantiles.js';
import { groupKind } from './latencyGroups.js';
import { wallClockIn } from '../core/timeZone.js';
import { testRecord } from '../../test/kit/logRecord.js';
import { LatencyStats } from './latencyStats.js';
import { LatencySummaryOperator, MAX_GROUPS, OTHER_GROUP } from './latencySummary.js';
import { parsePercentiles } from './percentiles.js';

/** asctime of `time` in UTC, the zone these tests read the log in. */
const asctime = (time: number) =>
  new Date(time).toISOString().slice(0, 23).replace('T', ' ').replace('.', ',');
const record = (message: string, module: string, time: number | null, line = 1): LogRecord =>
  testRecord(message, { module, time, line, timeText: time === null ? '' : asctime(time) });
const UTC = wallClockIn('UTC');

const operator = (by?: string, slowest?: number) =>
  new LatencySummaryOperator({
    reader: compileDurationReader({ bareExponent: 0 }),
    newStats: () => new LatencyStats(new ExactQuantiles(new ValueBudget()), null),
    by: by === undefined ? undefined : groupKind(by, UTC),
    slowest,
  });

const HOUR = 3_600_000;
const RECORDS = [
  record('POST /sms/webhook/ 200 processing_time=0.100', 'middleware', 10 * HOUR),
  record('GET /health/?probe=1 200 processing_time=0.002', 'middleware', 10 * HOUR + 5),
  record('SMS handled processing_time: 0.30s', 'views', 11 * HOUR),
  record('POST /sms/webhook/ 500 processing_time=1.5', 'middleware', 11 * HOUR + 1),
  record('processing_time=oops', 'views', 12 * HOUR, 42),
  record('no duration here', 'views', 12 * HOUR),
  record('processing_time=0.2', '', null),
];
const P50 = parsePercentiles('50');

test('--by module: busiest first, groups merged into the total, garbage counted with its place', () => {
  const op = operator('module');
  op.push(RECORDS);
  const result = op.result(P50);
  assert.deepEqual(
    result.groups!.map((g) => [g.key, g.summary.count, g.summary.percentiles[0]!.value]),
    [
      ['middleware', 3, 0.1],
      ['views', 1, 0.3],
      ['-', 1, 0.2],
    ],
  );
  assert.equal(result.total.count, 5);
  assert.equal(result.total.percentiles[0]!.value, 0.2);
  assert.equal(result.garbage, 1);
  assert.deepEqual(result.firstGarbage, { file: 'app.log', line: 42, text: 'processing_time=oops' });
});

test('--by hour in time order and --by path without the query string', () => {
  const hours = operator('hour');
  hours.push(RECORDS);
  assert.deepEqual(
    hours.result(P50).groups!.map((g) => [g.key, g.summary.count]),
    [
      ['1970-01-01T10:00:00Z', 2],
      ['1970-01-01T11:00:00Z', 2],
      ['-', 1],
    ],
  );
  const paths = operator('path');
  paths.push(RECORDS);
  assert.deepEqual(
    paths.result(P50).groups!.map((g) => [g.key, g.summary.count]),
    [
      ['/sms/webhook/', 2],
      ['/health/', 1],
      ['-', 2],
    ],
  );
  assert.throws(
    () => groupKind('houre', UTC),
    /unknown --by "houre"; expected module, hour, path \(did you mean hour\?\)/,
  );
});

test('more distinct keys than MAX_GROUPS are folded into one group', () => {
  const op = operator('path');
  op.push(
    Array.from({ length: MAX_GROUPS + 10 }, (_, i) =>
      record(`GET /user/${i}/ 200 processing_time=1`, 'm', i),
    ),
  );
  const result = op.result(P50);
  assert.equal(result.foldedGroups, true);
  assert.equal(result.groups!.length, MAX_GROUPS + 1);
  assert.deepEqual(result.groups!.at(-1)!.key, OTHER_GROUP);
  assert.equal(result.groups!.at(-1)!.summary.count, 10);
  assert.equal(result.total.count, MAX_GROUPS + 10);
});

test('--slowest keeps the slowest records with their messages', () => {
  const op = operator(undefined, 2);
  op.push(RECORDS);
  assert.deepEqual(
    op.result(P50).slowest!.map((r) => [r.seconds, r.message]),
    [
      [1.5, 'POST /sms/webhook/ 500 processing_time=1.5'],
      [0.3, 'SMS handled processing_time: 0.30s'],
    ],
  );
});
