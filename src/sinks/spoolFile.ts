import { randomBytes } from 'node:crypto';
import type { Stats } from 'node:fs';
import { constants, mkdir, open, rename, statfs, unlink, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { describeFsError, errorLine, SourceError } from '../core/errors.js';
import { NotRegularFileError, openRegularFile, readRegularFile } from './regularFile.js';

/**
 * Line-level file operations of the spool; the caller holds the spool lock around each. Every file
 * is opened through openRegularFile (no symlink followed, no FIFO, directory or device opened) and
 * left mode 0600: an existing file with wider permissions is narrowed (fchmod) when opened.
 */

/** The spool could not be used; exit 3 (the caller prints the snapshot so it is not lost). */
export class SpoolError extends SourceError {
  constructor(path: string, cause: unknown) {
    super(`cannot use the spool ${path}: ${spoolReason(cause)}`);
    this.name = 'SpoolError';
  }
}

function spoolReason(cause: unknown): string {
  if (cause instanceof NotRegularFileError) return cause.message;
  const code = (cause as NodeJS.ErrnoException).code;
  const where = (cause as NodeJS.ErrnoException).path;
  if (code === 'EROFS') return `read-only file system (${where})`;
  // mkdir -p over a file in the path.
  if (code === 'EEXIST') return `${where} is not a directory`;
  if (code === 'ENXIO') return `${where} is a FIFO, not a regular file`;
  if (code && where) return `${describeFsError(cause)} (${where})`;
  return errorLine(cause);
}

/** Pseudo file systems whose files are the kernel's, never a place to keep a spool (statfs f_type). */
const PSEUDO_FILE_SYSTEMS = new Map([
  [0x9fa0, '/proc'],
  [0x62656572, '/sys'],
]);

/** Creates the spool's directory (0700); see checkSpoolDir. */
export async function ensureSpoolDir(path: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  await checkSpoolDir(path);
}

/** Refuses a spool whose directory belongs to /proc or /sys. */
export async function checkSpoolDir(path: string): Promise<void> {
  const system = PSEUDO_FILE_SYSTEMS.get(Number((await statfs(dirname(path))).type));
  if (system) throw new NotRegularFileError(path, `a file of ${system}`);
}

/** The file's non-empty lines ([] if it does not exist) and whether its last line is complete. */
export async function readLines(path: string): Promise<{ lines: string[]; endsWithNewline: boolean }> {
  const read = await readRegularFile(path, privateMode);
  if (!read) return { lines: [], endsWithNewline: true };
  const { text } = read;
  return { lines: text.split('\n').filter((line) => line !== ''), endsWithNewline: text.endsWith('\n') };
}

/** An existing spool file left readable by others (0644 from a copy or an older run) is made 0600. */
async function privateMode(handle: FileHandle, stats: Stats): Promise<void> {
  if ((stats.mode & 0o077) !== 0) await handle.chmod(0o600);
}

/**
 * Appends lines (0600 when created). A line left unterminated by a crash is closed off first, so
 * it stays one bad line instead of swallowing the next entry.
 */
export async function appendLines(path: string, lines: readonly string[], endsWithNewline = true) {
  if (lines.length === 0) return;
  const { O_WRONLY, O_APPEND, O_CREAT } = constants;
  const { handle, stats } = await openRegularFile(path, O_WRONLY | O_APPEND | O_CREAT, 0o600);
  try {
    await privateMode(handle, stats);
    await handle.writeFile(`${endsWithNewline ? '' : '\n'}${lines.join('\n')}\n`);
    await handle.datasync();
  } finally {
    await handle.close();
  }
}

/** Replaces the file's content via temp file + fsync + rename: a crash leaves old or new, never half. */
export async function rewriteLines(path: string, lines: readonly string[]): Promise<void> {
  if (lines.length === 0) {
    await unlink(path).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
    return;
  }
  const temp = `${path}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  const handle = await open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(`${lines.join('\n')}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

/** `lines` without one occurrence of each of `gone` (a multiset difference, order kept). */
export function withoutLines(lines: readonly string[], gone: readonly string[]): string[] {
  const pending = new Map<string, number>();
  for (const line of gone) pending.set(line, (pending.get(line) ?? 0) + 1);
  return lines.filter((line) => {
    const left = pending.get(line) ?? 0;
    if (left === 0) return true;
    pending.set(line, left - 1);
    return false;
  });
}
