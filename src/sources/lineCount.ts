import { closeSync, readSync } from 'node:fs';
import { openRegularSync } from './regularFile.js';
import { NEWLINE } from '../core/lineBytes.js';

const CHUNK_BYTES = 256 * 1024;

/**
 * The number of newlines in the first `end` bytes of a plain file, read again from disk: for a
 * scan that skipped through a file without counting lines and now needs the line number of a
 * record (once per file at most).
 */
export function newlinesBefore(path: string, end: number): number {
  const fd = openRegularSync(path);
  const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  let count = 0;
  try {
    for (let offset = 0; offset < end;) {
      const read = readSync(fd, buffer, 0, Math.min(CHUNK_BYTES, end - offset), offset);
      if (read === 0) break;
      count += newlinesIn(buffer, 0, read);
      offset += read;
    }
  } finally {
    closeSync(fd);
  }
  return count;
}

/** Newlines in bytes[from, to). */
export function newlinesIn(bytes: Buffer, from: number, to: number): number {
  let count = 0;
  for (let i = bytes.indexOf(NEWLINE, from); i !== -1 && i < to; i = bytes.indexOf(NEWLINE, i + 1)) count++;
  return count;
}
