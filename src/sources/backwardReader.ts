import { openRegular } from './regularFile.js';
import { MAX_LINE_BYTES } from '../core/recordLimits.js';
import { lineCutAt } from './lineCap.js';
import { NEWLINE } from '../core/lineBytes.js';

const CHUNK_BYTES = 64 * 1024;

/** Lines read from the end of a file, newest first, with the byte offset where each begins. */
export interface BackwardLine {
  text: string;
  offset: number;
  /** False only for a last line with no '\n' yet: a writer may be in the middle of it. */
  terminated: boolean;
  /** Bytes past MAX_LINE_BYTES, skipped (0 for a whole line). */
  cutBytes: number;
}

/**
 * Reads a file backwards from `endOffset` (default: its size) in 64 KiB chunks, yielding
 * complete lines newest first, so `tail -n` costs the same on a 15 MB file as on a 15 KB one.
 * Bytes are decoded only once a whole line is in hand (a chunk may cut a UTF-8 character), and
 * only its first MAX_LINE_BYTES.
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
    let position = lastByte[0] === NEWLINE ? size - 1 : size;
    let terminated = position !== size;
    const carry = new BackwardPieces(); // the end of a line whose start is in a chunk before
    while (position > 0) {
      const length = Math.min(CHUNK_BYTES, position);
      position -= length;
      const chunk = Buffer.allocUnsafe(length);
      await file.read(chunk, 0, length, position);
      let cut = length;
      let newline = chunk.lastIndexOf(NEWLINE, cut - 1);
      while (newline !== -1) {
        const { text, cutBytes } = carry.take(chunk.subarray(newline + 1, cut));
        yield { text, offset: position + newline + 1, terminated, cutBytes };
        terminated = true;
        cut = newline;
        newline = cut === 0 ? -1 : chunk.lastIndexOf(NEWLINE, cut - 1);
      }
      carry.addBefore(chunk.subarray(0, cut));
    }
    yield { ...carry.take(Buffer.alloc(0)), offset: 0, terminated };
  } finally {
    await file.close();
  }
}

/**
 * A line's bytes met last-first. Only its first MAX_LINE_BYTES are kept: pieces further from
 * its start are dropped (and counted) as earlier ones arrive, and the pieces are joined once,
 * when the line's start is found.
 */
class BackwardPieces {
  /** In file order. */
  private pieces: Buffer[] = [];
  private kept = 0;
  private length = 0;

  addBefore(bytes: Buffer): void {
    if (bytes.length === 0) return;
    this.pieces.unshift(bytes);
    this.kept += bytes.length;
    this.length += bytes.length;
    while (this.pieces.length > 1 && this.kept - this.pieces.at(-1)!.length > MAX_LINE_BYTES)
      this.kept -= this.pieces.pop()!.length;
  }

  /** The line that starts with `first` and goes on with the pieces held. */
  take(first: Buffer): { text: string; cutBytes: number } {
    const length = this.length + first.length;
    const joined = this.pieces.length === 0 ? first : Buffer.concat([first, ...this.pieces]);
    const end = lineCutAt(joined, 0, Math.min(length, joined.length));
    this.pieces = [];
    this.kept = 0;
    this.length = 0;
    return { text: joined.toString('utf8', 0, end), cutBytes: length - end };
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
      for (let i = chunk.indexOf(NEWLINE, 0); i !== -1 && i < bytesRead; i = chunk.indexOf(NEWLINE, i + 1))
        count++;
      position += bytesRead;
    }
    return count;
  } finally {
    await file.close();
  }
}
