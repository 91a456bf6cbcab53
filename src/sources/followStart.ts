import { open } from 'node:fs/promises';
import { isMissing, type FileId } from './followedFile.js';
import type { FollowOptions } from './follow.js';

/** How far back from the end we look for the start of an unfinished last line. */
const ALIGN_BYTES = 64 * 1024;

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
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    if (isMissing(error)) return { startOffset: 0 };
    throw error;
  }
  try {
    const st = await handle.stat({ bigint: true });
    const startFileId: FileId = { dev: st.dev, ino: st.ino };
    if (fromStart) return { startOffset: 0, startFileId };
    const end = Number(st.size);
    const from = Math.max(0, end - ALIGN_BYTES);
    const tail = Buffer.alloc(end - from);
    const { bytesRead } = await handle.read(tail, 0, tail.length, from);
    const newline = tail.subarray(0, bytesRead).lastIndexOf(0x0a);
    const startOffset = newline !== -1 ? from + newline + 1 : from === 0 ? 0 : end;
    return { startOffset, startFileId };
  } finally {
    await handle.close();
  }
}
