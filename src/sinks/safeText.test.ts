import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeControls, escapeToOneLine } from './safeText.js';

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
