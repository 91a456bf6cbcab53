import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeControls, escapeForTerminalJson, escapeToOneLine } from './safeText.js';

test('ANSI escapes, carriage returns, C1 controls and bidi overrides are made visible', () => {
  assert.equal(escapeControls('red \x1b[31mX\x1b[0m'), 'red \\x1b[31mX\\x1b[0m');
  assert.equal(escapeControls('over\rwrite'), 'over\\rwrite');
  assert.equal(escapeControls('csi \x9b2J'), 'csi \\x9b2J');
  assert.equal(escapeControls('abc\u202edcba'), 'abc\\u202edcba');
  assert.equal(escapeControls('keeps\nnewlines\tand tabs, émoji 🎉'), 'keeps\nnewlines\tand tabs, émoji 🎉');
});

test('one-line form escapes newlines, tabs and backslashes reversibly', () => {
  assert.equal(escapeToOneLine('a\nb\tc\\d'), 'a\\nb\\tc\\\\d');
});

test('JSON on a terminal: DEL, C1 and bidi become \\uXXXX and the JSON keeps its value', () => {
  const value = { 'k\u202e': 'del \x7f csi \u009b31m nel \u0085 isolate \u2066x\u2069 esc \x1b émoji 🎉' };
  const json = escapeForTerminalJson(JSON.stringify(value));
  assert.doesNotMatch(json, /[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/);
  assert.match(json, /\\u009b31m/);
  assert.deepEqual(JSON.parse(json), value);
});
