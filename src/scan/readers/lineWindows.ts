import { MAX_LINE_BYTES } from '../../core/recordLimits.js';
import { charStart, isContinuation } from '../../sources/lineCap.js';
import { NEWLINE } from '../../core/lineBytes.js';

/**
 * Scans one window of whole lines: yields what it found and returns how many bytes it
 * consumed; the rest (a record that may go on in the next chunk) comes back at the front of
 * the next window. `final`: there is no next window.
 */
export type WindowScan<T> = (window: Buffer, final: boolean) => Generator<T, number>;

/**
 * Where the lines of the windows were cut to MAX_LINE_BYTES, for a scan to count in its records.
 * Positions are offsets in the working buffer every window (and every piece of one) is a view of.
 */
export class LineCuts {
  /** Offset of the end of each cut line (its '\n', or the end of the input), ascending. */
  private readonly ends: number[] = [];
  private readonly bytes: number[] = [];
  private work: Buffer = Buffer.alloc(0);

  /** Bytes cut from the lines ending in [start, end] of `view` (a window or a piece of one). */
  within(view: Buffer, start: number, end: number): number {
    if (this.ends.length === 0) return 0;
    const base = view.byteOffset - this.work.byteOffset;
    let total = 0;
    for (let i = 0; i < this.ends.length; i++) {
      const at = this.ends[i]! - base;
      if (at >= start && at <= end) total += this.bytes[i]!;
    }
    return total;
  }

  /** @internal scanLineWindows' bookkeeping. */
  add(end: number, bytes: number): void {
    this.ends.push(end);
    this.bytes.push(bytes);
  }

  /** @internal The working buffer changed, or its first `consumed` bytes were dropped. */
  moved(work: Buffer, consumed: number): void {
    this.work = work;
    if (this.ends.length === 0 || consumed === 0) return;
    let keep = 0;
    for (let i = 0; i < this.ends.length; i++) {
      if (this.ends[i]! < consumed) continue;
      this.ends[keep] = this.ends[i]! - consumed;
      this.bytes[keep++] = this.bytes[i]!;
    }
    this.ends.length = keep;
    this.bytes.length = keep;
  }
}

/**
 * Feeds a source's chunks (readChunks) to a scan as windows that end at a newline. One working
 * buffer holds the unconsumed rest of the last window followed by the next chunk: concatenating per
 * chunk would leave a megabyte of garbage each time, and a chunk without a newline would alias
 * the reader's reused buffer. Buffers of finished scans serve the next file, since a fresh one
 * per file is only freed by a full GC, which a scan making little garbage seldom runs.
 * A line longer than MAX_LINE_BYTES keeps its first MAX_LINE_BYTES in the window; the rest is
 * skipped as it streams by and noted in `cuts` (chunks are smaller than the cap, so only the
 * line a chunk starts in can overrun it).
 */
export async function* scanLineWindows<T>(
  chunks: AsyncIterable<Buffer>,
  scan: WindowScan<T>,
  cuts = new LineCuts(),
): AsyncGenerator<T> {
  let work = idleWorkBuffers.pop() ?? Buffer.allocUnsafe(0);
  let held = 0;
  /** Bytes of the unterminated line at the end of `held` (kept and skipped). */
  let open = 0;
  cuts.moved(work, 0);
  const append = (bytes: Buffer): void => {
    if (held + bytes.length > work.length) {
      const larger = Buffer.allocUnsafe(Math.max(held + bytes.length, 2 * work.length));
      work.copy(larger, 0, 0, held);
      work = larger;
      cuts.moved(work, 0);
    }
    bytes.copy(work, held);
    held += bytes.length;
  };
  try {
    for await (const read of chunks) {
      let chunk = read;
      const firstNewline = chunk.indexOf(NEWLINE);
      const lineRest = firstNewline === -1 ? chunk.length : firstNewline;
      if (open + lineRest > MAX_LINE_BYTES) {
        // The open line overruns the cap: keep up to it, skip the rest up to the line's end.
        const kept = open >= MAX_LINE_BYTES ? 0 : charStart(chunk, MAX_LINE_BYTES - open);
        // Filled to the cap exactly by earlier reads, the line may end in half a character.
        if (open <= MAX_LINE_BYTES && kept === 0 && isContinuation(chunk[0]!))
          held = charStart(work, held - 1);
        append(chunk.subarray(0, kept));
        open += lineRest;
        if (firstNewline === -1) continue;
        cuts.add(held, open - (held - lineStartOf(work, held)));
        chunk = chunk.subarray(firstNewline);
        open = 0;
      }
      const lastNewline = chunk.lastIndexOf(NEWLINE);
      open = lastNewline === -1 ? open + chunk.length : chunk.length - lastNewline - 1;
      append(chunk);
      const end = work.lastIndexOf(NEWLINE, held - 1) + 1;
      if (end === 0) continue;
      const consumed = yield* scan(work.subarray(0, end), false);
      work.copy(work, 0, consumed, held); // overlapping copy is safe (memmove)
      held -= consumed;
      cuts.moved(work, consumed);
    }
    if (open > MAX_LINE_BYTES) cuts.add(held, open - (held - lineStartOf(work, held)));
    // Even when empty: the scan may hold a record (one read line by line) that ends here.
    yield* scan(work.subarray(0, held), true);
  } finally {
    idleWorkBuffers.push(work);
  }
}

function lineStartOf(work: Buffer, held: number): number {
  return held === 0 ? 0 : work.lastIndexOf(NEWLINE, held - 1) + 1;
}

/** One per scan running at the same time (merged inputs). */
const idleWorkBuffers: Buffer[] = [];
