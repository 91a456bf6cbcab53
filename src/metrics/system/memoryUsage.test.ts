import { test } from 'node:test';
import assert from 'node:assert/strict';
import { memoryPercent, parseMeminfo } from './memoryUsage.js';

const MEMINFO =
  'MemTotal:       24683620 kB\nMemFree:         3169988 kB\nMemAvailable:   12341810 kB\nBuffers:  1 kB\n';

test('total and available come from MemTotal and MemAvailable, in bytes', () => {
  const usage = parseMeminfo(MEMINFO);
  assert.deepEqual(usage, { totalBytes: 24683620 * 1024, availableBytes: 12341810 * 1024 });
  assert.equal(memoryPercent(usage!), 50);
});

test('a kernel without MemAvailable gives undefined (the systeminformation fallback estimates it)', () => {
  assert.equal(parseMeminfo('MemTotal:       24683620 kB\nMemFree:         3169988 kB\n'), undefined);
});
