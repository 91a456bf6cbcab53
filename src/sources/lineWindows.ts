import type { ProblemSink } from '../core/sourceProblem.js';
import { readChunks, type LogSource } from './logSource.js';

const NEWLINE = 0x0a;

/**
 * Scans one window of whole lines: yields what it found and returns how many bytes it
 * consumed; the rest (a record that may go on in the next chunk) comes back at the front of
 * the next window. `final`: there is no next window.
 */
export type WindowScan<T> = (window: Buffer, final: boolean) => Generator<T, number>;

/**
 * Feeds a source to a byte-level scan as windows that end at a newline. One working buffer
 * holds the unconsumed rest of the last window followed by the next chunk: concatenating per
 * chunk would leave a megabyte of garbage each time, and a chunk without a newline would alias
 * the reader's reused buffer. Buffers of finished scans serve the next file, since a fresh one
 * per file is only freed by a full GC, which a scan making little garbage seldom runs.
 */
export async function* scanLineWindows<T>(
  source: LogSource,
  scan: WindowScan<T>,
  onBytes?: (bytes: number) => void,
  onProblem?: ProblemSink,
): AsyncGenerator<T> {
  let work = idleWorkBuffers.pop() ?? Buffer.allocUnsafe(0);
  let held = 0;
  try {
    for await (const chunk of readChunks(source, onBytes, onProblem)) {
      if (held + chunk.length > work.length) {
        const larger = Buffer.allocUnsafe(Math.max(held + chunk.length, 2 * work.length));
        work.copy(larger, 0, 0, held);
        work = larger;
      }
      chunk.copy(work, held);
      const length = held + chunk.length;
      const end = work.lastIndexOf(NEWLINE, length - 1) + 1;
      if (end === 0) {
        held = length;
        continue;
      }
      const consumed = yield* scan(work.subarray(0, end), false);
      work.copy(work, 0, consumed, length); // overlapping copy is safe (memmove)
      held = length - consumed;
    }
    if (held > 0) yield* scan(work.subarray(0, held), true);
  } finally {
    idleWorkBuffers.push(work);
  }
}

/** One per scan running at the same time (merged inputs). */
const idleWorkBuffers: Buffer[] = [];
