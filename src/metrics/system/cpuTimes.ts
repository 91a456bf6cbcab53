import { readFile } from 'node:fs/promises';
import { cpus, type CpuInfo } from 'node:os';

/** Cumulative CPU time over all CPUs, in one unit (ticks or ms): only the ratio of deltas matters. */
export interface CpuTimes {
  readonly busy: number;
  readonly total: number;
}

/**
 * The aggregate `cpu` line of /proc/stat, counted as psutil does: guest and guest_nice are already
 * inside user and nice, so they stay out of the total; idle and iowait are the only non-busy time.
 * Steal and softirq count as busy, which os.cpus() cannot do: libuv drops iowait, softirq and steal.
 */
export function parseProcStat(text: string): CpuTimes {
  const line = text.slice(0, text.indexOf('\n'));
  const fields = line.split(/\s+/);
  if (fields[0] !== 'cpu') throw new Error('/proc/stat does not start with the aggregate "cpu" line');
  // user nice system idle iowait irq softirq steal (guest, guest_nice follow and are left out)
  const ticks = fields.slice(1, 9).map(Number);
  const total = ticks.reduce((sum, n) => sum + n, 0);
  return { busy: total - (ticks[3] ?? 0) - (ticks[4] ?? 0), total };
}

/** os.cpus() summed over CPUs: the portable reading (no iowait, softirq or steal). */
export function sumOsCpus(list: readonly CpuInfo[]): CpuTimes {
  let busy = 0;
  let total = 0;
  for (const { times } of list) {
    const cpuBusy = times.user + times.nice + times.sys + times.irq;
    busy += cpuBusy;
    total += cpuBusy + times.idle;
  }
  return { busy, total };
}

/** Busy share of the CPU time that passed between two readings, 0–100 to one decimal like psutil. */
export function cpuBusyPercent(before: CpuTimes, after: CpuTimes): number {
  const elapsed = after.total - before.total;
  if (elapsed <= 0) return 0;
  const percent = ((after.busy - before.busy) / elapsed) * 100;
  return Math.round(Math.min(100, Math.max(0, percent)) * 10) / 10;
}

export async function readCpuTimes(): Promise<CpuTimes> {
  if (process.platform === 'linux') return parseProcStat(await readFile('/proc/stat', 'latin1'));
  return sumOsCpus(cpus());
}
