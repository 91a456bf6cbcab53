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

/** Opens path.1, path.2, … in turn (newest first) until one is missing or `stop` says so. */
async function scanBackups(
  path: string,
  stop: (file: FollowedFile) => Promise<boolean>,
): Promise<FollowedFile[]> {
  const seen: FollowedFile[] = [];
  for (let n = 1; n <= MAX_BACKUPS; n++) {
    const file = await openBackup(backupPath(path, n));
    if (!file) break;
    seen.push(file);
    if (await stop(file)) return seen;
  }
  await Promise.all(seen.map((file) => file.close()));
  return [];
}

/**
 * The files RotatingFileHandler renamed away after `old` when rotations came faster than our
 * polls: if `old` is now path.k, then path.k-1 … path.1 were the live file in between and we
 * never opened them. Oldest first, each open at offset 0; files in `known` are skipped. Empty
 * when `old` is not among the backups, since then nothing tells which ones are newer.
 */
export async function renamedSince(path: string, old: FileId, known: FileId[]): Promise<FollowedFile[]> {
  const seen = await scanBackups(path, async (file) => sameFile(file.id, old));
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
 * fingerprint and is at least as long as what we had read is the copy, to be read on from our
 * offset; backups newer than it are later copies we never saw, to be read whole. Oldest first;
 * empty when no copy is found (a plain truncate, or the copy was made elsewhere).
 */
export async function copiesSince(
  path: string,
  fingerprint: Buffer,
  offset: number,
): Promise<FollowedFile[]> {
  if (fingerprint.length === 0) return [];
  const seen = await scanBackups(
    path,
    async (file) => file.sizeAtOpen >= offset && (await file.startsWith(fingerprint)),
  );
  return seen.reverse();
}

/** A copy made by copytruncate; nobody writes to it, so size and mtime tell it from a later copy on the same inode. */
export interface CopyMark {
  id: FileId;
  size: number;
  mtimeNs: bigint;
}

export const markOf = (copy: FollowedFile): CopyMark => ({
  id: copy.id,
  size: copy.sizeAtOpen,
  mtimeNs: copy.mtimeAtOpen,
});

const isMarked = (file: FollowedFile, mark: CopyMark): boolean =>
  sameFile(file.id, mark.id) && file.sizeAtOpen === mark.size && file.mtimeAtOpen === mark.mtimeNs;

/** Copies newer than `mark` (which later copies shift to path.2, …), oldest first; empty when `mark` is gone. */
export async function copiesAfter(path: string, mark: CopyMark): Promise<FollowedFile[]> {
  const seen = await scanBackups(path, async (file) => isMarked(file, mark));
  await seen.pop()?.close();
  return seen.reverse();
}
