import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HEADER_LEVEL_NAMES, LEVEL_ALIASES, LEVEL_NAMES, LEVELS } from './record.js';

test('every level list derives from LEVELS: the names Python writes, its aliases, the header names', () => {
  assert.deepEqual(LEVEL_NAMES, ['DEBUG', 'INFO', 'WARNING', 'ERROR', 'CRITICAL']);
  for (const [alias, name] of Object.entries(LEVEL_ALIASES)) assert.equal(LEVELS[alias], LEVELS[name]);
  assert.deepEqual(new Set(HEADER_LEVEL_NAMES), new Set([...Object.keys(LEVELS), 'NOTSET']));
  assert.equal(HEADER_LEVEL_NAMES.length, Object.keys(LEVELS).length + 1);
});

test('a header name that begins another comes after it, so a prefix match takes the longer one', () => {
  HEADER_LEVEL_NAMES.forEach((name, i) => {
    for (const later of HEADER_LEVEL_NAMES.slice(i + 1))
      assert.ok(!later.startsWith(name), `${later} after ${name}`);
  });
});
