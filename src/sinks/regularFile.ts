import type { Stats } from 'node:fs';
import { constants, type FileHandle } from 'node:fs/promises';
import { openIfRegular } from '../core/openIfRegular.js';

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
 * Opens `path` only if it is a regular file (openIfRegular), and never through a symlink in the last
 * component: what smsmon keeps state in is refused when it is anything else.
 */
export function openRegularFile(
  path: string,
  flags: number,
  mode?: number,
): Promise<{ handle: FileHandle; stats: Stats }> {
  const refuse = (kind: string): Error => new NotRegularFileError(path, kind);
  return openIfRegular(path, { flags, mode, noFollow: true, refuse });
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
