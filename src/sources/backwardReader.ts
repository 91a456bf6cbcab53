import { openRegular } from './regularFile.js';

const CHUNK_BYTES = 64 * 1024;

/** Lines read from the end of a file, newest first, with the byte offset where each begins. */
export interface BackwardLine {
  text: string;
  offset: number;
  /** False only for a last line with no '\n' yet: a writer may be in the middle of it. */
  terminated: boolean;
}

/**
 * Reads a file backwards from `endOffset` (default: its size) in 64 KiB chunks, yielding
 * complete lines newest first, so `tail -n` costs the same on a 15 MB file as on a 15 KB one.
 * Bytes are decoded only once a whole line is in hand (a chunk may cut a UTF-8 character).
 * An unterminated last line is yielded too: it is data, only a follower must wait for its end.
 */
export async function* readLinesBackward(path: string, endOffset?: number): AsyncGenerator<BackwardLine> {
  const file = await openRegular(path);
  try {
    const size = endOffset ?? (await file.stat()).size;
    if (size === 0) return;
    // A final '\n' terminates the last line; it does not start an empty one.
    const lastByte = Buffer.alloc(1);
    await file.read(lastByte, 0, 1, size - 1);
    let position = lastByte[0] === 0x0a ? size - 1 : size;
    let terminated = position !== size;
    let carry: Buffer = Buffer.alloc(0); // the start of a line continues in the chunk before
    while (position > 0) {
      const length = Math.min(CHUNK_BYTES, position);
      position -= length;
      const chunk = Buffer.allocUnsafe(length);
      await file.read(chunk, 0, length, position);
      const buffer = carry.length > 0 ? Buffer.concat([chunk, carry]) : chunk;
      let cut = buffer.length;
      let newline = buffer.lastIndexOf(0x0a, cut - 1);
      while (newline !== -1) {
        yield { text: buffer.toString('utf8', newline + 1, cut), offset: position + newline + 1, terminated };
        terminated = true;
        cut = newline;
        newline = cut === 0 ? -1 : buffer.lastIndexOf(0x0a, cut - 1);
      }
      carry = Buffer.from(buffer.subarray(0, cut));
    }
    yield { text: carry.toString('utf8'), offset: 0, terminated };
  } finally {
    await file.close();
  }
}

/** Counts the lines before `offset`, for line numbers of records found by reading backwards. */
export async function countLinesBefore(path: string, offset: number): Promise<number> {
  if (offset === 0) return 0;
  const file = await openRegular(path);
  try {
    const chunk = Buffer.allocUnsafe(1024 * 1024);
    let count = 0;
    for (let position = 0; position < offset;) {
      const { bytesRead } = await file.read(chunk, 0, Math.min(chunk.length, offset - position), position);
      if (bytesRead === 0) break;
      for (let i = chunk.indexOf(0x0a, 0); i !== -1 && i < bytesRead; i = chunk.indexOf(0x0a, i + 1)) count++;
      position += bytesRead;
    }
    return count;
  } finally {
    await file.close();
  }
}
