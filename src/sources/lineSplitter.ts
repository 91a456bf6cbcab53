/** Lines split from one chunk of bytes; `firstLine` is the 1-based number of lines[0]. */
export interface LineBatch {
  lines: string[];
  firstLine: number;
}

/** Longest line kept whole; longer runs without a newline are cut so memory stays bounded. */
export const MAX_LINE_BYTES = 16 * 1024 * 1024;
const PIECE_BYTES = 32 * 1024;

/**
 * Splits a byte stream into lines without ever decoding half a character: only bytes up to the
 * last 0x0a of a chunk are decoded (0x0a never occurs inside a UTF-8 sequence); the rest waits for
 * the next chunk. Decoding one span per chunk and splitting the string is several times faster
 * than decoding line by line. A trailing '\r' stays in the line: messages may end with one.
 */
export class LineSplitter {
  private partial: Buffer | null = null;
  private nextLine = 1;

  constructor(startLine = 1) {
    this.nextLine = startLine;
  }

  /** Returns the complete lines in `chunk` (plus any held partial line), or null when none. */
  push(chunk: Buffer): LineBatch | null {
    const lastNewline = chunk.lastIndexOf(0x0a);
    if (lastNewline === -1) {
      this.partial = this.partial ? Buffer.concat([this.partial, chunk]) : Buffer.from(chunk);
      if (this.partial.length < MAX_LINE_BYTES) return null;
      return this.emit([this.takePartial()]);
    }
    const lines: string[] = [];
    let start = 0;
    if (this.partial) {
      // Join the held bytes with the first line only: concatenating the whole chunk would
      // copy a megabyte per read and leave it as garbage.
      const firstNewline = chunk.indexOf(0x0a);
      lines.push(Buffer.concat([this.partial, chunk.subarray(0, firstNewline)]).toString('utf8'));
      start = firstNewline + 1;
    }
    // Decoded in pieces of about 32 KiB cut at newlines: a string of a whole megabyte lands in
    // V8's large-object space, which only a full GC frees, and RSS grows with the input.
    while (start <= lastNewline) {
      let cut = lastNewline;
      if (lastNewline - start > PIECE_BYTES) {
        const before = chunk.lastIndexOf(0x0a, start + PIECE_BYTES);
        cut = before >= start ? before : chunk.indexOf(0x0a, start + PIECE_BYTES);
      }
      for (const line of chunk.toString('utf8', start, cut).split('\n')) lines.push(line);
      start = cut + 1;
    }
    this.partial = lastNewline + 1 < chunk.length ? Buffer.from(chunk.subarray(lastNewline + 1)) : null;
    return this.emit(lines);
  }

  /** The unterminated last line at end of input, if any. */
  end(): LineBatch | null {
    return this.partial ? this.emit([this.takePartial()]) : null;
  }

  /** Bytes of an unterminated line still held. */
  get pendingBytes(): number {
    return this.partial?.length ?? 0;
  }

  private takePartial(): string {
    const text = this.partial!.toString('utf8');
    this.partial = null;
    return text;
  }

  private emit(lines: string[]): LineBatch {
    const batch = { lines, firstLine: this.nextLine };
    this.nextLine += lines.length;
    return batch;
  }
}
