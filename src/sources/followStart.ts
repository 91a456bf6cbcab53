import { FollowedFile, type FileId } from './followedFile.js';
import type { FollowOptions } from './follow.js';

/**
 * Where following `path` starts, fixed now rather than at the follower's first poll: every line
 * written after this call is read, even if the follower gets going later. From the end (backed up
 * to the start of an unfinished last line) or, with `fromStart`, from byte 0; a missing file is
 * read from 0 when it appears. The file's identity goes along, so a rename before the first poll
 * is read on from here.
 */
export async function followStart(
  path: string,
  fromStart: boolean,
): Promise<Pick<FollowOptions, 'startOffset' | 'startFileId'>> {
  // Opened as the follower will open it: a FIFO or device is refused, never waited on.
  const file = await FollowedFile.open(path);
  if (!file) return { startOffset: 0 };
  try {
    const startFileId: FileId = file.id;
    if (fromStart) return { startOffset: 0, startFileId };
    await file.startAt(undefined, undefined);
    return { startOffset: file.offset, startFileId };
  } finally {
    await file.close();
  }
}
