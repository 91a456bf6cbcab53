import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Line-level file operations of the spool; the caller holds the spool lock around each. */

export async function ensureSpoolDir(path: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
}

/** The file's non-empty lines ([] if it does not exist) and whether its last line is complete. */
export async function readLines(path: string): Promise<{ lines: string[]; endsWithNewline: boolean }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { lines: [], endsWithNewline: true };
    throw error;
  }
  return { lines: text.split('\n').filter((line) => line !== ''), endsWithNewline: text.endsWith('\n') };
}

/**
 * Appends lines (0600 when created). A line left unterminated by a crash is closed off first, so
 * it stays one bad line instead of swallowing the next entry.
 */
export async function appendLines(path: string, lines: readonly string[], endsWithNewline = true) {
  if (lines.length === 0) return;
  const handle = await open(path, 'a', 0o600);
  try {
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
