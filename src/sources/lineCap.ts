import { MAX_LINE_BYTES } from '../core/recordLimits.js';

/**
 * Where a line of `length` bytes in `bytes` (from `start`) is cut to MAX_LINE_BYTES: on a
 * character boundary, so the kept part decodes without a broken last character.
 */
export function lineCutAt(bytes: Buffer, start: number, length: number): number {
  return length <= MAX_LINE_BYTES ? start + length : charStart(bytes, start + MAX_LINE_BYTES);
}

/** `at`, or the start of the UTF-8 character `at` falls inside of (before its continuation bytes). */
export function charStart(bytes: Buffer, at: number): number {
  let start = at;
  for (let i = 0; i < 3 && start > 0 && isContinuation(bytes[start]!); i++) start--;
  return start;
}

/** A UTF-8 continuation byte (10xxxxxx): never the first byte of a character. */
export function isContinuation(byte: number): boolean {
  return (byte & 0xc0) === 0x80;
}

/**
 * The pieces of one line longer than a read, kept in order up to MAX_LINE_BYTES; the bytes past
 * that are only counted. Joined once at the line's end: joining per read costs time quadratic
 * in the line's length.
 */
export class LinePieces {
  private pieces: Buffer[] = [];
  private kept = 0;
  /** Bytes of the line seen so far, kept or not. */
  length = 0;

  /** Adds the next bytes of the line; copies what it keeps (the caller may reuse `bytes`). */
  add(bytes: Buffer): void {
    this.length += bytes.length;
    const room = MAX_LINE_BYTES + 4 - this.kept; // a few bytes over, for the boundary back-off
    if (room <= 0) return;
    const piece = Buffer.from(bytes.subarray(0, room));
    this.pieces.push(piece);
    this.kept += piece.length;
  }

  get empty(): boolean {
    return this.length === 0;
  }

  /** The line (these pieces, then `last`), cut to MAX_LINE_BYTES, and how many bytes were cut. */
  take(last: Buffer): { text: string; cutBytes: number } {
    this.add(last);
    const joined = this.pieces.length === 1 ? this.pieces[0]! : Buffer.concat(this.pieces);
    const end = lineCutAt(joined, 0, Math.min(this.length, joined.length));
    const result = { text: joined.toString('utf8', 0, end), cutBytes: this.length - end };
    this.pieces = [];
    this.kept = 0;
    this.length = 0;
    return result;
  }
}
