import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseWholeNumber } from './wholeNumber.js';

const parse = (text: string, min?: number, max?: number) =>
  parseWholeNumber('--top', text, 'a whole number such as 10', min, max);

test('digits within the range, spaces around them allowed', () => {
  assert.equal(parse('0'), 0);
  assert.equal(parse(' 42 '), 42);
  assert.equal(parse('007'), 7);
  assert.equal(parse('64', 1, 64), 64);
  assert.equal(parse(String(Number.MAX_SAFE_INTEGER)), Number.MAX_SAFE_INTEGER);
});

test('anything Number() would also take is refused with the flag, the text as given and what is expected', () => {
  for (const text of ['', ' ', '1e3', '0x10', '0b1', '1.0', '1.5', '-1', '+1', 'Infinity', '10 0', '１２'])
    assert.throws(
      () => parse(text),
      { message: `bad --top "${text}"; expected a whole number such as 10` },
      text,
    );
});

test('the range is checked, bounds included', () => {
  assert.throws(() => parse('0', 1, 64), /bad --top "0"/);
  assert.throws(() => parse('65', 1, 64), /bad --top "65"/);
  assert.throws(() => parse('9007199254740993'), /bad --top/);
});
