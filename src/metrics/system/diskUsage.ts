import { statfs } from 'node:fs/promises';
import type { StatsFs } from 'node:fs';

export interface DiskUsage {
  readonly mount: string;
  readonly size: number;
  readonly used: number;
  readonly available: number;
  readonly percent: number;
}

export interface DiskFailure {
  readonly mount: string;
  readonly message: string;
}

/**
 * psutil's disk_usage(): used is everything not free, available is what non-root users may still
 * write, and percent is used / (used + available), so the root reserve counts as neither. This is
 * the `df` Capacity figure (df rounds it up to a whole percent). On Linux libuv reports statfs's
 * f_bsize, which is also the block count's unit on the filesystems servers use.
 */
export function diskUsageFromStatfs(
  mount: string,
  stats: Pick<StatsFs, 'bsize' | 'blocks' | 'bfree' | 'bavail'>,
): DiskUsage {
  const used = (stats.blocks - stats.bfree) * stats.bsize;
  const available = stats.bavail * stats.bsize;
  const userTotal = used + available;
  const percent = userTotal > 0 ? Math.round((used / userTotal) * 1000) / 10 : 0;
  return { mount, size: stats.blocks * stats.bsize, used, available, percent };
}

/** Every mount is read; the ones that fail come back as one-line failures naming the mount. */
export async function readDiskUsages(
  mounts: readonly string[],
): Promise<{ disks: DiskUsage[]; failures: DiskFailure[] }> {
  const results = await Promise.allSettled(mounts.map((mount) => statfs(mount)));
  const disks: DiskUsage[] = [];
  const failures: DiskFailure[] = [];
  results.forEach((result, i) => {
    const mount = mounts[i]!;
    if (result.status === 'fulfilled') disks.push(diskUsageFromStatfs(mount, result.value));
    else failures.push({ mount, message: `mount "${mount}": ${reason(result.reason)}` });
  });
  return { disks, failures };
}

const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  ENOTDIR: 'a path component is not a directory',
};

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code) return `${REASONS[code] ?? 'cannot read disk usage'} (${code})`;
  return error instanceof Error ? error.message : String(error);
}
