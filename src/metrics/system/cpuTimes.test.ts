import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CpuInfo } from 'node:os';
import { cpuBusyPercent, parseProcStat, sumOsCpus } from './cpuTimes.js';

const cpu = (user: number, sys: number, idle: number): CpuInfo => ({
  model: 'test',
  speed: 0,
  times: { user, nice: 0, sys, idle, irq: 0 },
});

test('os.cpus() readings: busy share of the elapsed time over all CPUs', () => {
  const before = sumOsCpus([cpu(1000, 500, 8000), cpu(2000, 0, 7000)]);
  // 300 + 100 busy and 600 idle on the first CPU, 100 busy and 900 idle on the second.
  const after = sumOsCpus([cpu(1300, 600, 8600), cpu(2100, 0, 7900)]);
  assert.deepEqual(before, { busy: 3500, total: 18500 });
  assert.equal(cpuBusyPercent(before, after), 25);
});

test('/proc/stat: iowait is idle, steal and softirq are busy, guest is not counted twice', () => {
  const before = parseProcStat('cpu  100 0 50 800 40 0 5 5 30 0\ncpu0 100 0 50 800 40 0 5 5 30 0\n');
  const after = parseProcStat('cpu  160 0 70 900 100 0 10 15 60 0\ncpu0 160 0 70 900 100 0 10 15 60 0\n');
  assert.deepEqual(before, { busy: 160, total: 1000 });
  // busy +60+20+5+10 = 95 of 95 + 100 idle + 60 iowait = 255
  assert.equal(cpuBusyPercent(before, after), 37.3);
});

test('no time elapsed or counters going back reads 0, never negative or above 100', () => {
  const reading = { busy: 10, total: 100 };
  assert.equal(cpuBusyPercent(reading, reading), 0);
  assert.equal(cpuBusyPercent(reading, { busy: 5, total: 110 }), 0);
  assert.equal(cpuBusyPercent(reading, { busy: 40, total: 110 }), 100);
});

test('/proc/stat without the aggregate line is an error', () => {
  assert.throws(() => parseProcStat('cpu0 1 2 3 4\n'), /aggregate "cpu" line/);
});
