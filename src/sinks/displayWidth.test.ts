import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cutToWidth, displayWidth, wrapToWidth } from './displayWidth.js';

test('display width counts terminal cells: wide characters and emoji two, colours none', () => {
  assert.equal(displayWidth('RateLimitError'), 14);
  assert.equal(displayWidth('…'), 1);
  assert.equal(displayWidth('日本語'), 6);
  assert.equal(displayWidth('🚀 go'), 5);
  assert.equal(displayWidth('café'), 4);
  assert.equal(displayWidth('\x1b[31mred\x1b[39m'), 3);
});

test('a cut keeps the start, both ends or the end, with … where text was taken out', () => {
  const type = 'django.db.utils.OperationalError';
  assert.equal(cutToWidth(type, 40, 'middle'), type);
  assert.equal(cutToWidth(type, 16, 'end'), 'django.db.utils…');
  assert.equal(cutToWidth(type, 16, 'middle'), 'django.d…alError');
  assert.equal(cutToWidth(type, 16, 'start'), '…perationalError');
  assert.equal(cutToWidth(type, 1, 'end'), '…');
  assert.equal(cutToWidth(type, 0, 'end'), '');
});

test('a cut never splits a wide character or an emoji, and fits the cells it was given', () => {
  for (const width of [1, 2, 3, 4, 5, 6, 7]) {
    for (const where of ['end', 'middle', 'start'] as const) {
      const cut = cutToWidth('日本語のログ🚀です', width, where);
      assert.ok(displayWidth(cut) <= width, `${where} ${width}: ${cut}`);
      assert.ok(cut.endsWith('…') || cut.startsWith('…') || cut.includes('…'), cut);
      assert.doesNotMatch(cut, /\uFFFD|[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    }
  }
  assert.equal(cutToWidth('日本語のログ', 6, 'end'), '日本…');
});

test('coloured text is never cut: its reset would be lost', () => {
  const red = '\x1b[31mfailing badly\x1b[39m';
  assert.equal(cutToWidth(red, 4, 'end'), red);
});

test('prose wraps at spaces within the width, a word longer than a line in pieces, nothing lost', () => {
  assert.deepEqual(wrapToWidth('is the app running and logging here?', 16), [
    'is the app',
    'running and',
    'logging here?',
  ]);
  assert.deepEqual(wrapToWidth('short', 16), ['short']);
  assert.deepEqual(wrapToWidth('a /var/log/sms-agent/app.log b', 10), [
    'a',
    '/var/log/s',
    'ms-agent/a',
    'pp.log b',
  ]);
  assert.deepEqual(wrapToWidth('日本語 ログ', 1), ['日', '本', '語', 'ロ', 'グ']);
});
