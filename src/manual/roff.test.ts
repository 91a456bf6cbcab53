import { test } from 'node:test';
import assert from 'node:assert/strict';
import { roffFromMarkdown, roffText } from './roff.js';

test('roff text: backslashes, hyphens, a leading dot and non-ASCII characters escaped', () => {
  assert.equal(roffText('--by type'), '\\-\\-by type');
  assert.equal(roffText('a\\d'), 'a\\ed');
  assert.equal(roffText('.log files'), '\\&.log files');
  assert.equal(roffText("'quoted'"), "\\&'quoted'");
  assert.equal(roffText('app.log.1 … — µs'), 'app.log.1 \\[u2026] \\[u2014] \\[u00B5]s');
});

test('markdown: code and strong in bold, links as their text', () => {
  assert.equal(
    roffFromMarkdown('for `errors count`, see [health](#smsmon-health); **never** 1'),
    'for \\fBerrors count\\fR, see health; \\fBnever\\fR 1',
  );
});
