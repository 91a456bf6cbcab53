import { constants, type BigIntStats, type Stats } from 'node:fs';
import { lstat, open, stat, type FileHandle } from 'node:fs/promises';
import { fileKind } from './fileKind.js';

export interface RegularOpenOptions {
  /** Default O_RDONLY; O_NONBLOCK is always added. */
  flags?: number;
  mode?: number;
  /** Refuse a symlink as the last component (lstat, O_NOFOLLOW) instead of following it. */
  noFollow?: boolean;
  /** The error for a path holding something else; `kind` is "a FIFO", "a directory", … */
  refuse: (kind: string) => Error;
}

interface Opened<S> {
  handle: FileHandle;
  stats: S;
}

/**
 * Opens `path` only if it holds a regular file. Looked at first: opening a FIFO for reading waits
 * for a writer (in a thread no signal reaches) and opening some devices has effects. O_NONBLOCK
 * makes a FIFO swapped in after the look open at once, and the descriptor's fstat refuses it.
 * A missing path throws ENOENT, unless O_CREAT creates it.
 */
export async function openIfRegular(
  path: string,
  options: RegularOpenOptions & { bigint: true },
): Promise<Opened<BigIntStats>>;
export async function openIfRegular(path: string, options: RegularOpenOptions): Promise<Opened<Stats>>;
export async function openIfRegular(
  path: string,
  options: RegularOpenOptions & { bigint?: boolean },
): Promise<Opened<Stats | BigIntStats>> {
  const bigint = options.bigint === true;
  const flags = options.flags ?? constants.O_RDONLY;
  const look = options.noFollow ? lstat(path, { bigint }) : stat(path, { bigint });
  const before = await look.catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' && (flags & constants.O_CREAT) !== 0) return null;
    throw error;
  });
  if (before && !before.isFile()) throw options.refuse(fileKind(before));
  let handle: FileHandle;
  try {
    const noFollow = options.noFollow ? constants.O_NOFOLLOW : 0;
    handle = await open(path, flags | constants.O_NONBLOCK | noFollow, options.mode);
  } catch (error) {
    // ELOOP from O_NOFOLLOW: a symlink appeared after the look.
    if (options.noFollow && (error as NodeJS.ErrnoException).code === 'ELOOP')
      throw options.refuse('a symbolic link');
    throw error;
  }
  try {
    const stats = await handle.stat({ bigint });
    if (!stats.isFile()) throw options.refuse(fileKind(stats));
    return { handle, stats };
  } catch (error) {
    await handle.close().catch(() => {});
    throw error;
  }
}
