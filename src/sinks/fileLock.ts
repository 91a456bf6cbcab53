import { randomBytes } from 'node:crypto';
import { open, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { readRegularFile } from './regularFile.js';

export interface FileLockOptions {
  /** Give up (throw) after waiting this long for a live holder. */
  readonly waitMs: number;
  /** A lock file older than this is abandoned, whoever wrote it. */
  readonly staleMs: number;
}

export const SPOOL_LOCK_OPTIONS: FileLockOptions = { waitMs: 5_000, staleMs: 30_000 };

/**
 * Runs `critical` while holding `lockPath`, a file created with O_EXCL ('wx') that records
 * "pid createdMs hostname nonce". A lock is stale when its pid is gone (same machine) or it is older
 * than staleMs; a stale lock is removed if it is still the same file we judged. Two processes that
 * judge the same stale lock at the same instant could both proceed; the critical sections here are
 * milliseconds of file I/O, so that needs a crash and a race in the same few milliseconds.
 */
export async function withFileLock<T>(
  lockPath: string,
  options: FileLockOptions,
  critical: () => Promise<T>,
): Promise<T> {
  const mine = await acquire(lockPath, options);
  try {
    return await critical();
  } finally {
    // Only remove it if it is still ours (it could have been broken as stale meanwhile).
    if ((await readOrNull(lockPath)) === mine) await unlink(lockPath).catch(() => undefined);
  }
}

async function acquire(lockPath: string, options: FileLockOptions): Promise<string> {
  const nonce = randomBytes(4).toString('hex'); // two holders in one process and millisecond differ
  const content = `${process.pid} ${Date.now()} ${hostname()} ${nonce}\n`;
  const giveUpAt = Date.now() + options.waitMs;
  let delay = 5;
  for (;;) {
    try {
      const handle = await open(lockPath, 'wx', 0o600);
      try {
        await handle.writeFile(content);
      } finally {
        await handle.close();
      }
      return content;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = await inspect(lockPath);
    if (holder && isStale(holder, options)) {
      const again = await inspect(lockPath);
      if (again && again.content === holder.content && again.mtimeMs === holder.mtimeMs) {
        await unlink(lockPath).catch(() => undefined);
      }
      continue;
    }
    if (Date.now() >= giveUpAt) {
      const who = holder?.pid ? `pid ${holder.pid}` : 'another process';
      throw new Error(`${lockPath} is held by ${who}; remove it if no smsmon is running`);
    }
    await sleep(delay);
    delay = Math.min(delay * 2, 100);
  }
}

interface Holder {
  readonly content: string;
  readonly mtimeMs: number;
  readonly pid?: number;
  readonly host?: string;
}

/** A lock path that is a FIFO, directory or link throws (NotRegularFileError): never waited on, never read. */
async function inspect(lockPath: string): Promise<Holder | null> {
  const read = await readRegularFile(lockPath);
  if (!read) return null;
  const { text: content, stats } = read;
  const [pid, , host] = content.trim().split(' ');
  const parsedPid = Number(pid);
  return {
    content,
    mtimeMs: stats.mtimeMs,
    ...(Number.isInteger(parsedPid) && parsedPid > 0 ? { pid: parsedPid } : {}),
    ...(host ? { host } : {}),
  };
}

function isStale(holder: Holder, options: FileLockOptions): boolean {
  if (Date.now() - holder.mtimeMs > options.staleMs) return true;
  return holder.pid !== undefined && holder.host === hostname() && !processExists(holder.pid);
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readOrNull(path: string): Promise<string | null> {
  try {
    return (await readRegularFile(path))?.text ?? null;
  } catch {
    return null;
  }
}
