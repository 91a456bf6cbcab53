/**
 * System figures for `metrics collect`, the ones the guide's collector takes from psutil, read
 * from /proc, os and fs.statfs on Linux. systeminformation (loaded lazily) only steps in where
 * /proc is missing: memory and network counters on other systems, and memory on kernels without
 * MemAvailable; CPU elsewhere is os.cpus(), what systeminformation reads there too.
 * The built-in reads are one to three orders of magnitude cheaper than systeminformation's, whose
 * CPU and network calls each wait their own fixed window (bench/DECISIONS.md;
 * `node bench/system-metrics.mjs` measures it again).
 *
 * CPU and network are read at both ends of one sampleMs window, and memory, disks and load while
 * it is open, so a collection takes sampleMs plus a few milliseconds.
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { SourceError } from '../../core/errors.js';
import type { SourceMetrics } from '../../core/snapshot.js';
import { cpuBusyPercent, readCpuTimes, type CpuTimes } from './cpuTimes.js';
import { readDiskUsages } from './diskUsage.js';
import { memoryPercent, readMemoryUsage } from './memoryUsage.js';
import { interfaceRates, loopbackNames, readNetCounters, type NetCounters } from './netCounters.js';

export interface SystemMetricsOptions {
  /** Paths whose filesystems are measured (any path on a filesystem works, as with `df`). */
  mounts: string[];
  /** The window CPU busy time and network rates are measured over; default 500. */
  sampleMs?: number;
}

export const DEFAULT_SAMPLE_MS = 500;

/**
 * Metrics: cpu_percent, memory_percent, memory_used_bytes (total − available, so it matches
 * memory_percent), memory_total_bytes, disk_percent (the fullest mount), load_average_1/5/15,
 * network_rx/tx_bytes_per_sec (non-loopback interfaces). Percents to one decimal, as psutil.
 * Throws when no mount can be read; mounts that fail beside readable ones go to details.
 */
export async function collectSystemMetrics(options: SystemMetricsOptions): Promise<SourceMetrics> {
  const sampleMs = options.sampleMs ?? DEFAULT_SAMPLE_MS;
  if (!(sampleMs > 0 && Number.isFinite(sampleMs))) {
    throw new RangeError(`sample window must be a positive number of milliseconds, got ${sampleMs}`);
  }
  const start = await readWindowEdge();
  const windowClosed = sleep(sampleMs);
  const [memory, { disks, failures }] = await Promise.all([
    readMemoryUsage(),
    readDiskUsages(options.mounts),
  ]);
  if (disks.length === 0 && failures.length > 0) {
    throw new SourceError(`no mount could be read: ${failures.map((f) => f.message).join('; ')}`);
  }
  const [load1, load5, load15] = loadavg().map((load) => Math.round(load * 100) / 100);
  await windowClosed;
  const end = await readWindowEdge();

  const loopback = loopbackNames();
  const network = interfaceRates(start.net, end.net, end.at - start.at, (iface) => loopback.has(iface));
  const metrics: Record<string, number> = {
    cpu_percent: cpuBusyPercent(start.cpu, end.cpu),
    memory_percent: memoryPercent(memory),
    memory_used_bytes: memory.totalBytes - memory.availableBytes,
    memory_total_bytes: memory.totalBytes,
    load_average_1: load1 ?? 0,
    load_average_5: load5 ?? 0,
    load_average_15: load15 ?? 0,
    network_rx_bytes_per_sec: network.reduce((sum, rate) => sum + rate.rx_bytes_per_sec, 0),
    network_tx_bytes_per_sec: network.reduce((sum, rate) => sum + rate.tx_bytes_per_sec, 0),
  };
  if (disks.length > 0) metrics.disk_percent = Math.max(...disks.map((disk) => disk.percent));

  const details: Record<string, unknown> = {
    sample_ms: Math.round(end.at - start.at),
    memory_available_bytes: memory.availableBytes,
    disks,
    network,
  };
  for (const disk of disks) details[`disk_percent:${disk.mount}`] = disk.percent;
  if (failures.length > 0) details.disk_failures = failures;
  return { metrics, details };
}

interface WindowEdge {
  readonly cpu: CpuTimes;
  readonly net: NetCounters;
  /** performance.now() once both counters are in. */
  readonly at: number;
}

async function readWindowEdge(): Promise<WindowEdge> {
  const [cpu, net] = await Promise.all([readCpuTimes(), readNetCounters()]);
  return { cpu, net, at: performance.now() };
}
