import type { FileHandle } from 'node:fs/promises';
import { NEWLINE } from '../../core/lineBytes.js';
import { MAX_LINE_BYTES } from '../../core/recordLimits.js';
import { NOT_HEADER, type HeaderMatcher } from '../../parsers/headerMatcher.js';
import { lineCutAt } from '../../sources/lineCap.js';

/** `tail -n 10` needs a few KiB; a scan that goes on reads larger blocks. */
const FIRST_BLOCK_BYTES = 4 * 1024;
export const MAX_BLOCK_BYTES = 64 * 1024;

/** A byte range of a file that a record reader can read forwards on its own. */
export interface Region {
  start: number;
  end: number;
  /** Its bytes when the block that found it held them all (until the next `before`); else they are read again. */
  bytes: Buffer | null;
}

/**
 * A file cut into regions from its end backwards, each starting at a line where a reader going
 * forwards is in the state it would be in reading the whole file: a header line (the earliest of
 * a block, so a region holds many records), or, before the file's first header, any line (each
 * is an unparsed record of its own; that part is cut into blocks too, so it is never held whole).
 * Only the current block is held, so a record of a million lines costs a pass, not its size.
 */
export class RegionsBackward {
  private blockBytes = FIRST_BLOCK_BYTES;
  /** No line before this offset is a header (a search reached the file's start). */
  private headerlessBelow = 0;
  private readonly blocks = Buffer.allocUnsafe(MAX_BLOCK_BYTES);

  constructor(
    private readonly file: FileHandle,
    private readonly matcher: HeaderMatcher,
  ) {}

  /** The region that ends at `end` (a line start, or the end of the data); null at the start or if the file shrank. */
  async before(end: number): Promise<Region | null> {
    if (end <= 0) return null;
    if (end <= this.headerlessBelow) return this.headerless(end);
    let hi = end;
    /** Where the line that starts before `hi` ends: its '\n', or `end` (an unterminated last line). */
    let lineEndPastHi = end;
    while (hi > 0) {
      const lo = Math.max(0, hi - this.blockBytes);
      this.blockBytes = Math.min(2 * this.blockBytes, MAX_BLOCK_BYTES);
      const block = await this.read(lo, hi - lo);
      if (!block) return null;
      const firstNewline = block.indexOf(NEWLINE);
      let at = lo === 0 ? 0 : firstNewline === -1 ? -1 : firstNewline + 1;
      while (at !== -1 && lo + at < end) {
        const newline = block.indexOf(NEWLINE, at);
        const lineEnd = newline === -1 ? lineEndPastHi : lo + newline;
        const header =
          lineEnd <= hi
            ? this.isHeaderIn(block, at, lineEnd - lo)
            : await this.isHeaderReadAgain(lo + at, lineEnd);
        if (header) {
          return { start: lo + at, end, bytes: hi === end ? block.subarray(at) : null };
        }
        at = newline === -1 ? -1 : newline + 1;
      }
      if (firstNewline !== -1) lineEndPastHi = lo + firstNewline;
      hi = lo;
    }
    this.headerlessBelow = end;
    return this.headerless(end);
  }

  /** The start of the line that holds the byte before `offset` (0 when none before it ends). */
  async lineStartBefore(offset: number): Promise<number | null> {
    for (let hi = offset; hi > 0;) {
      const lo = Math.max(0, hi - MAX_BLOCK_BYTES);
      const block = await this.read(lo, hi - lo);
      if (!block) return null;
      // The byte before `offset` ends the line asked about, if it is a '\n'.
      const from = hi === offset ? block.length - 2 : block.length - 1;
      const newline = from < 0 ? -1 : block.lastIndexOf(NEWLINE, from);
      if (newline !== -1) return lo + newline + 1;
      hi = lo;
    }
    return 0;
  }

  /** Before the first header every line is a record: a block's worth of lines from a line start. */
  private async headerless(end: number): Promise<Region | null> {
    const start = await this.lineStartBefore(Math.max(0, end - MAX_BLOCK_BYTES) + 1);
    return start === null ? null : { start, end, bytes: null };
  }

  /** Whether the line [start, end) of `bytes` is a header, asked of what the forward reader keeps of it. */
  private isHeaderIn(bytes: Buffer, start: number, end: number): boolean {
    const line =
      end - start > MAX_LINE_BYTES
        ? bytes.subarray(start, lineCutAt(bytes, start, end - start))
        : end === bytes.length
          ? bytes.subarray(start)
          : null; // followed by its '\n', as in a forward window
    return line
      ? this.matcher.messageStart(line, 0) !== NOT_HEADER
      : this.matcher.messageStart(bytes, start) !== NOT_HEADER;
  }

  /** A line that goes on past the block: its first MAX_LINE_BYTES are read again. */
  private async isHeaderReadAgain(start: number, end: number): Promise<boolean> {
    const head = await this.read(start, Math.min(end - start, MAX_LINE_BYTES + 1), true);
    return (
      head !== null && this.isHeaderIn(head, 0, end - start > MAX_LINE_BYTES ? end - start : head.length)
    );
  }

  /**
   * `length` bytes at `position`, or null when the file no longer has them (it shrank). Blocks
   * share one buffer (a region's bytes are read before the next block is): a fresh 64 KiB per
   * block is freed only by a collection, and RSS grew with the distance read.
   */
  private async read(position: number, length: number, own = false): Promise<Buffer | null> {
    const bytes =
      own || length > this.blocks.length ? Buffer.allocUnsafe(length) : this.blocks.subarray(0, length);
    const { bytesRead } = await this.file.read(bytes, 0, length, position);
    return bytesRead === length ? bytes : null;
  }
}
