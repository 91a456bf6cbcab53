import { readFile } from 'node:fs/promises';
import { loadSystemInformation } from './systemInformation.js';

/**
 * "Available" is the kernel's MemAvailable (what psutil's virtual_memory().available reads): free
 * memory plus the page cache and reclaimable slabs it can drop. os.freemem() is MemFree only, which
 * would count the page cache as used and read 80–90 % on any busy server.
 */
export interface MemoryUsage {
  readonly totalBytes: number;
  readonly availableBytes: number;
}

/** Total and available from /proc/meminfo; undefined when the kernel predates MemAvailable (3.14). */
export function parseMeminfo(text: string): MemoryUsage | undefined {
  const total = meminfoKiB(text, 'MemTotal');
  const available = meminfoKiB(text, 'MemAvailable');
  if (total === undefined || available === undefined) return undefined;
  return { totalBytes: total * 1024, availableBytes: available * 1024 };
}

function meminfoKiB(text: string, field: string): number | undefined {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(text);
  return match ? Number(match[1]) : undefined;
}

/** psutil's virtual_memory().percent: (total - available) / total, one decimal. */
export function memoryPercent({ totalBytes, availableBytes }: MemoryUsage): number {
  if (totalBytes <= 0) return 0;
  return Math.round(((totalBytes - availableBytes) / totalBytes) * 1000) / 10;
}

export async function readMemoryUsage(): Promise<MemoryUsage> {
  if (process.platform === 'linux') {
    const usage = parseMeminfo(await readFile('/proc/meminfo', 'latin1'));
    if (usage) return usage;
  }
  // Other systems, and old kernels (systeminformation estimates available as free + buffers/cache).
  const { mem } = await loadSystemInformation();
  const { total, available } = await mem();
  return { totalBytes: total, availableBytes: available };
}
