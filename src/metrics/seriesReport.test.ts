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
