import { FollowedFile, NotRegularFile, idAt, sameFile, type FileId } from './followedFile.js';

/** Numbered backups looked at when a rotation is detected; real setups keep far fewer. */
const MAX_BACKUPS = 32;

export const backupPath = (path: string, n: number): string => `${path}.${n}`;

/** Where a renamed file went among path.1, path.2, …; null when it is not there (deleted, or renamed elsewhere). */
export async function backupNamed(path: string, id: FileId): Promise<string | null> {
  for (let n = 1; n <= MAX_BACKUPS; n++) {
    const at = await idAt(backupPath(path, n));
    if (!at) return null;
    if (sameFile(at, id)) return backupPath(path, n);
  }
  return null;
}

/** A backup that is a FIFO or a device holds no lines of ours: it ends the backups like a missing one. */
export async function openBackup(path: string): Promise<FollowedFile | null> {
  try {
    return await FollowedFile.open(path);
  } catch (error) {
    if (error instanceof NotRegularFile) return null;
    throw error;
  }
}

/**
 * Opens path.1, path.2, … in turn (newest first) until two in a row are missing or `stop` says
 * so. A rotation shifting the backups while we look leaves one number empty for a moment, and
 * may show one file under two numbers. `stopped` is false when `stop` never said so.
 */
async function scanBackups(
  path: string,
  stop: (file: FollowedFile) => Promise<boolean>,
): Promise<{ files: FollowedFile[]; stopped: boolean }> {
  const files: FollowedFile[] = [];
  let missing = 0;
  for (let n = 1; n <= MAX_BACKUPS; n++) {
    const file = await openBackup(backupPath(path, n));
    if (!file) {
      if (++missing === 2) break;
      continue;
    }
    missing = 0;
    if (files.some((seen) => sameFile(seen.id, file.id))) {
      await file.close();
      continue;
    }
    files.push(file);
    if (await stop(file)) return { files, stopped: true };
  }
  return { files, stopped: false };
}

/** The files up to the one `stop` chose, or none (all closed) when it chose none. */
async function scanUntil(
  path: string,
  stop: (file: FollowedFile) => Promise<boolean>,
): Promise<FollowedFile[]> {
  const { files, stopped } = await scanBackups(path, stop);
  if (stopped) return files;
  await Promise.all(files.map((file) => file.close()));
  return [];
}

/**
 * The files RotatingFileHandler renamed away after `old` when rotations came faster than our
 * polls: if `old` is now path.k, then path.k-1 … path.1 were the live file in between and we
 * never opened them. Oldest first, each open at offset 0; files in `known` are skipped. Empty
 * when `old` is not among the backups, since then nothing tells which ones are newer.
 */
export async function renamedSince(path: string, old: FileId, known: FileId[]): Promise<FollowedFile[]> {
  const seen = await scanUntil(path, async (file) => sameFile(file.id, old));
  const found = seen.pop();
  await found?.close();
  const missed: FollowedFile[] = [];
  for (const file of seen.reverse()) {
    if (known.some((id) => sameFile(id, file.id))) await file.close();
    else missed.push(file);
  }
  return missed;
}

/**
 * Where the unread end of a copytruncated file went: the newest backup that starts with our
 * fingerprint is the copy, to be read on from our offset (unless we had read past its end,
 * which a second writer makes possible); backups newer than it are later copies we never saw.
 * Oldest first; empty when no copy is found (a plain truncate, or the copy was made elsewhere).
 */
export async function copiesSince(path: string, fingerprint: Buffer): Promise<FollowedFile[]> {
  if (fingerprint.length === 0) return [];
  const seen = await scanUntil(path, (file) => file.startsWith(fingerprint));
  return seen.reverse();
}

/** A copy made by copytruncate; nobody writes to it, so size and mtime tell it from a later copy on the same inode. */
export interface CopyMark {
  id: FileId;
  size: number;
  mtimeNs: bigint;
}

/** Stamped now: the copy may have been still being written when we opened it. */
export async function markOf(copy: FollowedFile): Promise<CopyMark> {
  return { id: copy.id, ...(await copy.stamp()) };
}

const isMarked = (file: FollowedFile, mark: CopyMark): boolean =>
  sameFile(file.id, mark.id) && file.sizeAtOpen === mark.size && file.mtimeAtOpen === mark.mtimeNs;

/**
 * Copies newer than `mark` (which later copies shift to path.2, …), oldest first. When `mark`
 * was rotated away before we looked, the copies modified after it are the newer ones.
 */
export async function copiesAfter(path: string, mark: CopyMark): Promise<FollowedFile[]> {
  const { files, stopped } = await scanBackups(
    path,
    async (file) => isMarked(file, mark) || file.mtimeAtOpen <= mark.mtimeNs,
  );
  if (stopped) await files.pop()!.close();
  return files.reverse();
}
