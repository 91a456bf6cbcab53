import { MAX_LINE_BYTES } from '../../core/recordLimits.js';
import { charStart, isContinuation } from '../../sources/lineCap.js';
import { NEWLINE } from '../../core/lineBytes.js';
import { sizeYoungGenerationForScan } from '../../core/heapGrowth.js';

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
 * Feeds a source's chunks (readChunks) to a scan as windows that end at a newline (LineWindows),
 * up to the input's end, which the scan reads as final.
 */
export async function* scanLineWindows<T>(
  chunks: AsyncIterable<Buffer>,
  scan: WindowScan<T>,
  cuts = new LineCuts(),
): AsyncGenerator<T> {
  const windows = new LineWindows(scan, cuts);
  try {
    for await (const chunk of chunks) yield* windows.push(chunk);
    yield* windows.end();
  } finally {
    windows.release();
  }
}

/**
 * Chunks in, windows that end at a newline out, to a scan: pushed by a reader of a file's start
 * (scanLineWindows) or by follow mode as bytes are appended. One working buffer holds the
 * unconsumed rest of the last window followed by the next chunk: concatenating per chunk would
 * leave a megabyte of garbage each time, and a chunk without a newline would alias the reader's
 * reused buffer. Buffers of finished scans serve the next file, since a fresh one per file is
 * only freed by a full GC, which a scan making little garbage seldom runs.
 * A line longer than MAX_LINE_BYTES keeps its first MAX_LINE_BYTES in the window; the rest is
 * skipped as it streams by and noted in `cuts` (chunks are smaller than the cap, so only the
 * line a chunk starts in can overrun it).
 */
export class LineWindows<T> {
  private work = idleWorkBuffers.pop() ?? Buffer.allocUnsafe(0);
  private held = 0;
  /** Bytes of the unterminated line at the end of `held` (kept and skipped). */
  private open = 0;

  constructor(
    private readonly scan: WindowScan<T>,
    private readonly cuts = new LineCuts(),
  ) {
    cuts.moved(this.work, 0);
  }

  /** The next bytes of the input; scans the lines they complete. */
  *push(read: Buffer): Generator<T> {
    sizeYoungGenerationForScan();
    let chunk = read;
    const firstNewline = chunk.indexOf(NEWLINE);
    const lineRest = firstNewline === -1 ? chunk.length : firstNewline;
    if (this.open + lineRest > MAX_LINE_BYTES) {
      // The open line overruns the cap: keep up to it, skip the rest up to the line's end.
      const kept = this.open >= MAX_LINE_BYTES ? 0 : charStart(chunk, MAX_LINE_BYTES - this.open);
      // Filled to the cap exactly by earlier reads, the line may end in half a character.
      if (this.open <= MAX_LINE_BYTES && kept === 0 && isContinuation(chunk[0]!))
        this.held = charStart(this.work, this.held - 1);
      this.append(chunk.subarray(0, kept));
      this.open += lineRest;
      if (firstNewline === -1) return;
      this.cuts.add(this.held, this.open - (this.held - lineStartOf(this.work, this.held)));
      chunk = chunk.subarray(firstNewline);
      this.open = 0;
    }
    const lastNewline = chunk.lastIndexOf(NEWLINE);
    this.open = lastNewline === -1 ? this.open + chunk.length : chunk.length - lastNewline - 1;
    this.append(chunk);
    yield* this.scanTo(lineStartOf(this.work, this.held), false);
  }

  /**
   * No more lines for a while (follow mode's idle): the complete lines held are scanned as the
   * input's last, so the record they end is built now; the unterminated line waits for its rest.
   */
  *pause(): Generator<T> {
    yield* this.scanTo(lineStartOf(this.work, this.held), true, true);
  }

  /** The input's end: what is held, an unterminated last line included, is scanned as final. */
  *end(): Generator<T> {
    if (this.open > MAX_LINE_BYTES)
      this.cuts.add(this.held, this.open - (this.held - lineStartOf(this.work, this.held)));
    this.open = 0;
    // Even when empty: the scan may hold a record (one read line by line) that ends here.
    yield* this.scanTo(this.held, true, true);
  }

  /** Hands the working buffer to the next scan; this one is done. */
  release(): void {
    idleWorkBuffers.push(this.work);
  }

  private *scanTo(end: number, final: boolean, always = false): Generator<T> {
    if (end === 0 && !always) return;
    const consumed = yield* this.scan(this.work.subarray(0, end), final);
    this.work.copy(this.work, 0, consumed, this.held); // overlapping copy is safe (memmove)
    this.held -= consumed;
    this.cuts.moved(this.work, consumed);
  }

  private append(bytes: Buffer): void {
    if (this.held + bytes.length > this.work.length) {
      const larger = Buffer.allocUnsafe(Math.max(this.held + bytes.length, 2 * this.work.length));
      this.work.copy(larger, 0, 0, this.held);
      this.work = larger;
      this.cuts.moved(this.work, 0);
    }
    bytes.copy(this.work, this.held);
    this.held += bytes.length;
  }
}

function lineStartOf(work: Buffer, held: number): number {
  return held === 0 ? 0 : work.lastIndexOf(NEWLINE, held - 1) + 1;
}

/** One per scan running at the same time (merged inputs). */
const idleWorkBuffers: Buffer[] = [];
