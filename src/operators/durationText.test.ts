import { test } from 'node:test';
import assert from 'node:assert/strict';
import { durationSeconds, parseUnitOption } from './durationText.js';

test('duration texts with and without units', () => {
  assert.equal(durationSeconds('2s', 0), 2);
  assert.equal(durationSeconds('500ms', 0), 0.5);
  assert.equal(durationSeconds('800us', 0), 0.0008);
  assert.equal(durationSeconds('1.5', 0), 1.5);
  assert.equal(durationSeconds('1.5', -3), 0.0015);
  assert.equal(durationSeconds('2 s', 0), 2);
  for (const bad of ['', 's', '2x', '-1s', '1e999', 'nan', '2s2'])
    assert.equal(durationSeconds(bad, 0), null, bad);
});

test('--unit is validated with the choices named', () => {
  assert.equal(parseUnitOption('ms'), -3);
  assert.equal(parseUnitOption('µs'), -6);
  assert.throws(() => parseUnitOption('m'), /unknown unit "m"; expected s, ms, us/);
});
