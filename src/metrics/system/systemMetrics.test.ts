import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { performance } from 'node:perf_hooks';
import { SourceError } from '../../core/errors.js';
import { collectSystemMetrics } from './systemMetrics.js';

const onLinux = { skip: process.platform !== 'linux' && 'reads /proc' };
const PERCENTS = ['cpu_percent', 'memory_percent', 'disk_percent'];

test('every figure is present and in range', async () => {
  const { metrics, details } = await collectSystemMetrics({ mounts: ['/'], sampleMs: 200 });
  for (const key of PERCENTS) {
    assert.ok(metrics[key]! >= 0 && metrics[key]! <= 100, `${key} = ${metrics[key]}`);
  }
  const nonNegative = [
    'load_average_1',
    'load_average_5',
    'load_average_15',
    'network_rx_bytes_per_sec',
    'network_tx_bytes_per_sec',
    'memory_used_bytes',
  ];
  for (const key of nonNegative) assert.ok(metrics[key]! >= 0, `${key} = ${metrics[key]}`);
  assert.ok(metrics.memory_total_bytes! > metrics.memory_used_bytes!);
  assert.equal(metrics['disk_percent:/'], undefined, 'per-mount percents belong in details');
  assert.equal(details['disk_percent:/'], metrics.disk_percent);
  assert.ok(Array.isArray(details.network));
});

test('memory_percent agrees with (MemTotal - MemAvailable) / MemTotal', onLinux, async () => {
  const { metrics } = await collectSystemMetrics({ mounts: ['/'], sampleMs: 50 });
  const meminfo = readFileSync('/proc/meminfo', 'utf8');
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(meminfo)![1]);
  const expected = ((kib('MemTotal') - kib('MemAvailable')) / kib('MemTotal')) * 100;
  assert.ok(Math.abs(metrics.memory_percent! - expected) < 3, `${metrics.memory_percent} vs ${expected}`);
});

test('disk_percent for "/" agrees with df within a point', async () => {
  const { metrics } = await collectSystemMetrics({ mounts: ['/'], sampleMs: 50 });
  const row = execFileSync('df', ['-P', '/'], { encoding: 'utf8' }).trim().split('\n').at(-1)!;
  const [, , used, available] = row.split(/\s+/).map(Number);
  const expected = (used! / (used! + available!)) * 100;
  assert.ok(Math.abs(metrics.disk_percent! - expected) <= 1, `${metrics.disk_percent} vs df ${expected}`);
});

test('disk_percent is the fullest mount; an unreadable one is reported beside the rest', async () => {
  const { metrics, details } = await collectSystemMetrics({ mounts: ['/', tmpdir(), '/nope'], sampleMs: 50 });
  const disks = details.disks as { mount: string; percent: number }[];
  assert.deepEqual(
    disks.map((disk) => disk.mount),
    ['/', tmpdir()],
  );
  assert.equal(metrics.disk_percent, Math.max(...disks.map((disk) => disk.percent)));
  assert.deepEqual(details.disk_failures, [
    { mount: '/nope', message: 'mount "/nope": no such file or directory (ENOENT)' },
  ]);
});

test('when no mount can be read the error names them', async () => {
  await assert.rejects(
    collectSystemMetrics({ mounts: ['/nope', '/nada'], sampleMs: 50 }),
    (error: unknown) =>
      error instanceof SourceError &&
      error.message ===
        'no mount could be read: mount "/nope": no such file or directory (ENOENT); ' +
          'mount "/nada": no such file or directory (ENOENT)',
  );
});

test('one window for CPU and network: collection takes about sampleMs', async () => {
  const sampleMs = 500;
  const start = performance.now();
  const { details } = await collectSystemMetrics({ mounts: ['/'], sampleMs });
  const elapsed = performance.now() - start;
  assert.ok(elapsed >= sampleMs - 5 && elapsed < sampleMs + 400, `took ${elapsed} ms`);
  assert.ok((details.sample_ms as number) >= sampleMs - 5);
});

test('a sample window that is not a positive number is refused', async () => {
  await assert.rejects(collectSystemMetrics({ mounts: ['/'], sampleMs: 0 }), /positive number/);
});
