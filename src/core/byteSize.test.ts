import { test } from 'node:test';
import assert from 'node:assert/strict';
import { byteSize } from './byteSize.js';

test('byteSize picks the largest unit under 1024', () => {
  assert.equal(byteSize(0), '0 B');
  assert.equal(byteSize(512), '512 B');
  assert.equal(byteSize(1536), '1.5 KiB');
  assert.equal(byteSize(15 * 1024 * 1024), '15.0 MiB');
  assert.equal(byteSize(76998.4 * 1024 * 1024), '75.2 GiB');
  assert.equal(byteSize(3 * 1024 ** 4), '3.0 TiB');
});

test('byteSize never prints 1024.0 of a unit', () => {
  assert.equal(byteSize(1024 * 1024 - 1), '1.0 MiB');
  assert.equal(byteSize(1023), '1023 B');
});
