import { MAX_LINE_BYTES } from '../core/recordLimits.js';
import { LinePieces, lineCutAt } from './lineCap.js';
import { NEWLINE, PIECE_BYTES } from '../core/lineBytes.js';

/** Lines split from one chunk of bytes; `firstLine` is the 1-based number of lines[0]. */
export interface LineBatch {
  lines: string[];
  firstLine: number;
  /** Index in `lines` → bytes cut from that line (longer than MAX_LINE_BYTES); absent when none. */
  cutBytes?: Map<number, number>;
}

/**
 * Splits a byte stream into lines without ever decoding half a character: only bytes up to the
 * last 0x0a of a chunk are decoded (0x0a never occurs inside a UTF-8 sequence); the rest waits for
 * the next chunk. Decoding one span per chunk and splitting the string is several times faster
 * than decoding line by line. A trailing '\r' stays in the line (the record assembler reads CRLF).
 * A line longer than MAX_LINE_BYTES keeps its first MAX_LINE_BYTES; the rest is counted and
 * skipped as it streams by, so a line of any length costs bounded memory and linear time.
 */
export class LineSplitter {
  private readonly partial = new LinePieces();
  private nextLine = 1;

  constructor(startLine = 1) {
    this.nextLine = startLine;
  }

  /** Returns the complete lines in `chunk` (plus any held partial line), or null when none. */
  push(chunk: Buffer): LineBatch | null {
    const lastNewline = chunk.lastIndexOf(NEWLINE);
    if (lastNewline === -1) {
      this.partial.add(chunk);
      return null;
    }
    const lines: string[] = [];
    let cutBytes: Map<number, number> | undefined;
    const cut = (bytes: number): void => {
      if (bytes > 0) (cutBytes ??= new Map()).set(lines.length - 1, bytes);
    };
    let start = 0;
    if (!this.partial.empty) {
      // Join the held bytes with the first line only: concatenating the whole chunk would
      // copy a megabyte per read and leave it as garbage.
      const firstNewline = chunk.indexOf(NEWLINE);
      const line = this.partial.take(chunk.subarray(0, firstNewline));
      lines.push(line.text);
      cut(line.cutBytes);
      start = firstNewline + 1;
    }
    // Decoded in pieces of about 32 KiB cut at newlines: a string of a whole megabyte lands in
    // V8's large-object space, which only a full GC frees, and RSS grows with the input.
    while (start <= lastNewline) {
      let end = lastNewline;
      if (lastNewline - start > PIECE_BYTES) {
        const before = chunk.lastIndexOf(NEWLINE, start + PIECE_BYTES);
        end = before >= start ? before : chunk.indexOf(NEWLINE, start + PIECE_BYTES);
      }
      if (end - start > MAX_LINE_BYTES && chunk.lastIndexOf(NEWLINE, end - 1) < start) {
        // One line longer than the cap inside a large chunk.
        lines.push(chunk.toString('utf8', start, lineCutAt(chunk, start, end - start)));
        cut(end - lineCutAt(chunk, start, end - start));
      } else {
        for (const line of chunk.toString('utf8', start, end).split('\n')) lines.push(line);
      }
      start = end + 1;
    }
    if (lastNewline + 1 < chunk.length) this.partial.add(chunk.subarray(lastNewline + 1));
    return this.emit(lines, cutBytes);
  }

  /** The unterminated last line at end of input, if any. */
  end(): LineBatch | null {
    if (this.partial.empty) return null;
    const { text, cutBytes } = this.partial.take(Buffer.alloc(0));
    return this.emit([text], cutBytes > 0 ? new Map([[0, cutBytes]]) : undefined);
  }

  /** Bytes of an unterminated line seen so far (kept or not). */
  get pendingBytes(): number {
    return this.partial.length;
  }

  private emit(lines: string[], cutBytes: Map<number, number> | undefined): LineBatch {
    const batch: LineBatch = { lines, firstLine: this.nextLine };
    if (cutBytes) batch.cutBytes = cutBytes;
    this.nextLine += lines.length;
    return batch;
  }
}
