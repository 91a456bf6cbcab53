import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diskUsageFromStatfs, readDiskUsages } from './diskUsage.js';

test('percent is used / (used + available to non-root), the reserved blocks in neither', () => {
  // 1000 blocks: 600 used, 400 free of which 50 reserved for root.
  const usage = diskUsageFromStatfs('/', { bsize: 4096, blocks: 1000, bfree: 400, bavail: 350 });
  assert.deepEqual(usage, {
    mount: '/',
    size: 4_096_000,
    used: 2_457_600,
    available: 1_433_600,
    percent: 63.2,
  });
});

test('an empty filesystem reports 0 %', () => {
  const usage = diskUsageFromStatfs('/proc', { bsize: 4096, blocks: 0, bfree: 0, bavail: 0 });
  assert.equal(usage.percent, 0);
});

test('a mount that cannot be read is a failure naming it, the others still read', async () => {
  const { disks, failures } = await readDiskUsages(['/', '/no/such/mount']);
  assert.deepEqual(
    disks.map((disk) => disk.mount),
    ['/'],
  );
  assert.deepEqual(failures, [
    { mount: '/no/such/mount', message: 'mount "/no/such/mount": no such file or directory (ENOENT)' },
  ]);
});
