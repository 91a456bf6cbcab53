import { test } from 'node:test';
import assert from 'node:assert/strict';
import { seriesText } from './seriesReport.js';

test('metric and host names read from Redis are escaped in the table', () => {
  const hostile = '\x1b]0;owned\x07\x1b[2J\u202e';
  const text = seriesText(
    {
      hosts: [`web${hostile}`],
      since: 0,
      until: 60_000,
      series: { [`cpu_percent${hostile}`]: [{ timestamp: 1000, value: 5, host: `web${hostile}` }] },
    },
    false,
  );
  assert.doesNotMatch(text, /[\x00-\x09\x0b-\x1f\x7f-\x9f\u202e]/);
  assert.match(text, /cpu_percent\\x1b\]0;owned/);
  assert.match(text, /^web\\x1b\]0;owned/);
});

test('the table fits its width: the trend loses its oldest end first, then the metric name its middle', () => {
  const points = Array.from({ length: 60 }, (_, i) => ({
    timestamp: i * 60_000,
    value: i % 7,
    host: 'web-1',
  }));
  const report = {
    hosts: ['web-1'],
    since: 0,
    until: 3_600_000,
    series: { database_connection_pool_waiting_requests: points },
  };
  const whole = seriesText(report, false).split('\n')[3]!;
  assert.match(whole, /│ database_connection_pool_waiting_requests │/);
  const rows = (limit: number) =>
    seriesText(report, false, { limit, wide: false })
      .split('\n')
      .filter((line) => line.startsWith('│'));
  for (const limit of [90, 70, 62]) for (const row of rows(limit)) assert.ok(row.length <= limit, row);
  const trend = (row: string) => row.split('│').at(-2)!.trim();
  assert.match(trend(rows(90)[1]!), /^…/);
  assert.match(rows(90)[1]!, /│ database_connection_…ol_waiting_requests │/);
  assert.match(rows(62)[1]!, /│ databa…uests │/);
});
