import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findJsonSyntaxError } from './jsonSyntax.js';

const CASES: ReadonlyArray<[text: string, line: number, column: number, problem: RegExp]> = [
  ['', 1, 1, /end of file/],
  ['{"a": }', 1, 7, /unexpected '}'/],
  ['{"a": 1', 1, 8, /expected ',' or '}'/],
  ['{\n  "a": 1\n  "b": 2\n}', 3, 3, /expected ',' or '}'/],
  ['{\n  "a": [1, 2,]\n}', 2, 14, /comma before '\]'/],
  ["{'a': 1}", 1, 2, /key in double quotes/],
  ['{"a" 1}', 1, 6, /':' after the key/],
  ['{"a": "x\ty"}', 1, 9, /control character/],
  ['{"a": "\\q"}', 1, 8, /bad escape/],
  ['{"a": "\\u12g4"}', 1, 8, /bad \\u escape/],
  ['{"a": "open', 1, 12, /never ends/],
  ['{"a": -}', 1, 7, /bad number/],
  ['{"a": tru}', 1, 7, /unexpected 't'/],
  ['{} {}', 1, 4, /after the end/],
];

for (const [text, line, column, problem] of CASES) {
  test(`findJsonSyntaxError ${JSON.stringify(text)} → ${line}:${column}`, () => {
    assert.throws(() => JSON.parse(text), 'the case must be invalid JSON');
    const found = findJsonSyntaxError(text);
    assert.ok(found, 'an error is found');
    assert.deepEqual([found.line, found.column], [line, column]);
    assert.match(found.problem, problem);
  });
}

test('findJsonSyntaxError accepts what JSON.parse accepts', () => {
  for (const text of [
    '{}',
    ' [ ] ',
    '{"a": [1, -2.5e3, true, false, null, "x\\"\\u00e9\\n"], "b": {"c": {}}}\n',
    '0',
  ]) {
    JSON.parse(text);
    assert.equal(findJsonSyntaxError(text), undefined, text);
  }
});
