import { closeSync, constants, fstatSync, openSync, statSync, type BigIntStats, type Stats } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { openIfRegular } from '../core/openIfRegular.js';
import { describeFsError } from '../core/errors.js';
import { fileKind } from '../core/fileKind.js';
import { UnreadableSource } from '../core/sourceProblem.js';

/**
 * O_NONBLOCK: should the path become a FIFO between the stat and the open, the open returns at
 * once instead of waiting for a writer, and the fstat refuses it. Reads of a regular file ignore it.
 */
const OPEN_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK;

/** What a file of a family is when it is not a regular file, for messages; null when it is one. */
export function nonRegularKind(info: Stats | BigIntStats): string | null {
  return info.isFile() ? null : fileKind(info);
}

/** The reason given for a non-regular file of a family: "a FIFO, not a regular file". */
export function notRegularReason(kind: string): string {
  return `${kind}, not a regular file`;
}

function refuseNonRegular(path: string, info: Stats): void {
  const kind = nonRegularKind(info);
  if (kind !== null) throw new UnreadableSource(path, notRegularReason(kind));
}

/**
 * Opens a log file for reading only if it is a regular file: opening a FIFO blocks until a writer
 * comes, a device may never end. Checked before the open, and on the descriptor after it.
 */
export function openRegularSync(path: string): number {
  let fd: number;
  try {
    refuseNonRegular(path, statSync(path));
    fd = openSync(path, OPEN_FLAGS);
  } catch (error) {
    throw asUnreadable(path, error);
  }
  try {
    refuseNonRegular(path, fstatSync(fd));
    return fd;
  } catch (error) {
    closeSync(fd);
    throw asUnreadable(path, error);
  }
}

/** openRegularSync for the promise API. */
export async function openRegular(path: string): Promise<FileHandle> {
  const refuse = (kind: string): Error => new UnreadableSource(path, notRegularReason(kind));
  try {
    return (await openIfRegular(path, { refuse })).handle;
  } catch (error) {
    throw asUnreadable(path, error);
  }
}

function asUnreadable(path: string, error: unknown): UnreadableSource {
  return error instanceof UnreadableSource ? error : new UnreadableSource(path, describeFsError(error));
}
