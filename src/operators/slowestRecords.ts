import type { LogRecord } from '../core/record.js';

export interface SlowRecord {
  seconds: number;
  time: number | null;
  timeText: string;
  module: string;
  message: string;
  file: string;
  line: number;
}

/**
 * The N records with the largest durations: a min-heap of N, so memory is N records whatever
 * the input. On equal durations the earlier record stays.
 */
export class SlowestRecords {
  private readonly heap: SlowRecord[] = [];

  constructor(readonly limit: number) {}

  push(seconds: number, record: LogRecord): void {
    const { heap } = this;
    if (heap.length === this.limit && seconds <= heap[0]!.seconds) return;
    this.insert(slowRecord(seconds, record));
  }

  /** The records another heap kept (a worker thread's, or a later shard's). */
  pushSlow(records: readonly SlowRecord[]): void {
    for (const record of records)
      if (this.heap.length < this.limit || lessThan(this.heap[0]!, record)) this.insert(record);
  }

  private insert(record: SlowRecord): void {
    const { heap } = this;
    if (heap.length === this.limit) {
      heap[0] = record;
      this.down(0);
      return;
    }
    heap.push(record);
    this.up(heap.length - 1);
  }

  /** Slowest first; equal durations in time order. */
  sorted(): SlowRecord[] {
    return [...this.heap].sort(
      (a, b) => b.seconds - a.seconds || (a.time ?? Infinity) - (b.time ?? Infinity) || a.line - b.line,
    );
  }

  private up(from: number): void {
    const { heap } = this;
    for (let at = from; at > 0;) {
      const parent = (at - 1) >> 1;
      if (!lessThan(heap[at]!, heap[parent]!)) return;
      [heap[at], heap[parent]] = [heap[parent]!, heap[at]!];
      at = parent;
    }
  }

  private down(from: number): void {
    const { heap } = this;
    for (let at = from; ;) {
      const left = 2 * at + 1;
      if (left >= heap.length) return;
      const right = left + 1;
      const child = right < heap.length && lessThan(heap[right]!, heap[left]!) ? right : left;
      if (!lessThan(heap[child]!, heap[at]!)) return;
      [heap[at], heap[child]] = [heap[child]!, heap[at]!];
      at = child;
    }
  }
}

/** Heap order: smaller duration first; among equals the later record goes first (is evicted first). */
function lessThan(a: SlowRecord, b: SlowRecord): boolean {
  if (a.seconds !== b.seconds) return a.seconds < b.seconds;
  return (a.time ?? Infinity) > (b.time ?? Infinity);
}

function slowRecord(seconds: number, record: LogRecord): SlowRecord {
  return {
    seconds,
    time: record.time,
    // Copies: a slice of a scan's chunk text would keep the whole chunk alive.
    timeText: copyOf(record.timeText),
    module: copyOf(record.module),
    message: copyOf(record.message),
    file: record.file,
    line: record.line,
  };
}

function copyOf(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}
