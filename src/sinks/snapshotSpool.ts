import { lstat } from 'node:fs/promises';
import { snapshotFromJson } from '../core/snapshotJson.js';
import type { MetricsSnapshot } from '../core/snapshot.js';
import { SPOOL_LOCK_OPTIONS, withFileLock } from './fileLock.js';
import {
  appendLines,
  checkSpoolDir,
  ensureSpoolDir,
  readLines,
  rewriteLines,
  SpoolError,
  withoutLines,
} from './spoolFile.js';

/**
 * The local spool keeps snapshots Redis did not take (down, or another run held the host lock)
 * until a later run replays them. Format: NDJSON, one MetricsSnapshot as JSON per line, in the
 * order spooled; directories are created 0700 and the file 0600. Every read-modify-write holds
 * `${path}.lock` (see fileLock.ts). Lines that are not snapshots are moved to `${path}.corrupt`
 * and counted, never dropped silently. Any failure of the spool's files (a FIFO, directory, symlink
 * or /proc file at the path, a read-only directory, a path under a file) throws a SpoolError.
 */

export interface SpoolResult {
  /** Lines in the spool after this one was added (bad lines count until a rewrite sets them aside). */
  readonly entries: number;
  /** The oldest entries removed to stay within maxEntries. */
  readonly dropped: number;
  /** Lines that were not snapshots, moved to `${path}.corrupt`. */
  readonly invalid: number;
}

export interface ReplayResult {
  readonly replayed: number;
  /** Entries still spooled: the failed one and the ones after it, plus any appended meanwhile. */
  readonly remaining: number;
  readonly invalid: number;
  /** Entries `write` asked to keep for a later run (stamped ahead of Redis' clock); present when any. */
  readonly deferred?: number;
  /** Why replay stopped early; the entries not replayed stay in the spool. */
  readonly failure?: Error;
}

const lockOf = (path: string) => `${path}.lock`;
const corruptOf = (path: string) => `${path}.corrupt`;

/** Appends `snapshot`; over maxEntries, the oldest (by timestamp) are dropped and counted. */
export async function spoolSnapshot(
  path: string,
  snapshot: MetricsSnapshot,
  maxEntries: number,
): Promise<SpoolResult> {
  if (!Number.isInteger(maxEntries) || maxEntries < 1) throw new Error('maxEntries must be at least 1');
  const line = spoolLine(snapshot);
  return asSpoolError(path, async () => {
    await ensureSpoolDir(path);
    return withFileLock(lockOf(path), SPOOL_LOCK_OPTIONS, () => appendCapped(path, line, maxEntries));
  });
}

/** A snapshot as one spool line: what the spool holds, and what stdout gets when the spool fails. */
export function spoolLine(snapshot: MetricsSnapshot): string {
  return JSON.stringify(snapshot);
}

async function appendCapped(path: string, line: string, maxEntries: number): Promise<SpoolResult> {
  const { lines, endsWithNewline } = await readLines(path);
  if (lines.length < maxEntries) {
    await appendLines(path, [line], endsWithNewline);
    return { entries: lines.length + 1, dropped: 0, invalid: 0 };
  }
  const { entries, invalid } = parseLines([...lines, line]);
  const kept = sortedByTime(entries).slice(-maxEntries);
  await appendLines(corruptOf(path), invalid);
  await rewriteLines(
    path,
    kept.map((entry) => entry.line),
  );
  return { entries: kept.length, dropped: entries.length - kept.length, invalid: invalid.length };
}

/**
 * Writes every spooled snapshot, oldest timestamp first, and then removes exactly the lines that
 * were written (re-reading the file under the lock, so entries appended meanwhile stay). Stops at
 * the first failed write; a write that answers 'later' leaves its entry in the spool and replay goes
 * on (sorted by time, such entries come last). The lock is not held while writing: a concurrent spoolSnapshot only
 * waits for file I/O. A crash mid-replay leaves the entries in place and the next replay writes
 * them again, which writeSnapshot makes harmless (same members, latest hash only moves forward).
 */
export async function replaySpool(
  path: string,
  write: (snapshot: MetricsSnapshot) => Promise<void | 'later'>,
): Promise<ReplayResult> {
  // Nothing was ever spooled (not even the directory exists): nothing to lock or replay.
  if (!(await exists(path))) return { replayed: 0, remaining: 0, invalid: 0 };
  const { lines } = await asSpoolError(path, async () => {
    await checkSpoolDir(path);
    return withFileLock(lockOf(path), SPOOL_LOCK_OPTIONS, () => readLines(path));
  });
  if (lines.length === 0) return { replayed: 0, remaining: 0, invalid: 0 };
  const { entries, invalid } = parseLines(lines);
  const written: string[] = [];
  let failure: Error | undefined;
  let deferred = 0;
  for (const entry of sortedByTime(entries)) {
    try {
      if ((await write(entry.snapshot)) === 'later') {
        deferred++;
        continue;
      }
    } catch (error) {
      failure = error instanceof Error ? error : new Error(String(error));
      break;
    }
    written.push(entry.line);
  }
  const remaining = await asSpoolError(path, () => removeReplayed(path, written, invalid));
  return {
    replayed: written.length,
    remaining,
    invalid: invalid.length,
    ...(deferred > 0 ? { deferred } : {}),
    ...(failure ? { failure } : {}),
  };
}

function removeReplayed(
  path: string,
  written: readonly string[],
  invalid: readonly string[],
): Promise<number> {
  return withFileLock(lockOf(path), SPOOL_LOCK_OPTIONS, async () => {
    const current = await readLines(path);
    const afterWritten = withoutLines(current.lines, written);
    const left = withoutLines(afterWritten, invalid);
    // Only the bad lines still there: a concurrent spoolSnapshot may have set them aside already.
    await appendLines(corruptOf(path), withoutLines(afterWritten, left));
    if (left.length !== current.lines.length) await rewriteLines(path, left);
    return left.length;
  });
}

/** Runs a spool file operation; whatever it throws comes out as one SpoolError naming the spool. */
async function asSpoolError<T>(path: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw error instanceof SpoolError ? error : new SpoolError(path, error);
  }
}

interface SpoolEntry {
  readonly line: string;
  readonly snapshot: MetricsSnapshot;
}

function parseLines(lines: readonly string[]): { entries: SpoolEntry[]; invalid: string[] } {
  const entries: SpoolEntry[] = [];
  const invalid: string[] = [];
  for (const line of lines) {
    const snapshot = snapshotFromJson(line);
    if (snapshot) entries.push({ line, snapshot });
    else invalid.push(line);
  }
  return { entries, invalid };
}

/** Stable: entries with equal timestamps keep their spool order. */
function sortedByTime(entries: readonly SpoolEntry[]): SpoolEntry[] {
  return [...entries].sort((a, b) => a.snapshot.timestamp - b.snapshot.timestamp);
}

/** lstat: a symlink at the path counts (and is then refused), even one pointing nowhere. */
async function exists(path: string): Promise<boolean> {
  return lstat(path).then(
    () => true,
    (error: NodeJS.ErrnoException) => error.code !== 'ENOENT' && error.code !== 'ENOTDIR',
  );
}
