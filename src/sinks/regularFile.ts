import type { Stats } from 'node:fs';
import { constants, lstat, open, type FileHandle } from 'node:fs/promises';
import { fileKind } from '../core/fileKind.js';

/** A path smsmon keeps state in that is not a plain file: never read, written or followed. */
export class NotRegularFileError extends Error {
  constructor(
    readonly path: string,
    readonly kind: string,
  ) {
    super(`${path} is ${kind}, not a regular file`);
    this.name = 'NotRegularFileError';
  }
}

/**
 * Opens `path` only if it is a regular file: lstat refuses what is plainly something else before any
 * open (opening some devices has effects), O_NOFOLLOW refuses a symlink in the last component,
 * O_NONBLOCK keeps a FIFO from blocking the open, and fstat of the descriptor closes the race with a
 * path swapped between lstat and open. A missing file throws ENOENT (or is created, with O_CREAT).
 */
export async function openRegularFile(
  path: string,
  flags: number,
  mode?: number,
): Promise<{ handle: FileHandle; stats: Stats }> {
  const before = await lstat(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (before && !before.isFile()) throw new NotRegularFileError(path, fileKind(before));
  let handle: FileHandle;
  try {
    handle = await open(path, flags | constants.O_NOFOLLOW | constants.O_NONBLOCK, mode);
  } catch (error) {
    // ELOOP from O_NOFOLLOW: a symlink appeared after the lstat.
    if ((error as NodeJS.ErrnoException).code === 'ELOOP')
      throw new NotRegularFileError(path, 'a symbolic link');
    throw error;
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw new NotRegularFileError(path, fileKind(stats));
    return { handle, stats };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/** The text of a regular file (see openRegularFile), `prepare` run first on the open file; null when it does not exist. */
export async function readRegularFile(
  path: string,
  prepare?: (handle: FileHandle, stats: Stats) => Promise<void>,
): Promise<{ text: string; stats: Stats } | null> {
  let opened;
  try {
    opened = await openRegularFile(path, constants.O_RDONLY);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    await prepare?.(opened.handle, opened.stats);
    return { text: await opened.handle.readFile('utf8'), stats: opened.stats };
  } finally {
    await opened.handle.close();
  }
}
