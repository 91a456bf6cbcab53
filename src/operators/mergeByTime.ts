import type { LogRecord } from '../core/record.js';

interface Head {
  iterator: AsyncIterator<LogRecord[]>;
  batch: LogRecord[];
  index: number;
  /** Time of the stream's last timed record: untimed (unparsed) records stay where they were. */
  time: number;
}

/**
 * Merges record streams (one per family or file) into one in time order. Each stream is in
 * time order already, so only the head of each is compared; ties go to the earlier stream.
 * Memory: one batch per stream.
 */
export async function* mergeByTime(streams: AsyncIterable<LogRecord[]>[]): AsyncGenerator<LogRecord[]> {
  if (streams.length === 1) {
    yield* streams[0]!;
    return;
  }
  const heads: Head[] = [];
  for (const stream of streams) {
    const head = await advance({
      iterator: stream[Symbol.asyncIterator](),
      batch: [],
      index: 0,
      time: -Infinity,
    });
    if (head) heads.push(head);
  }
  let out: LogRecord[] = [];
  while (heads.length > 0) {
    let pick = 0;
    for (let i = 1; i < heads.length; i++) if (timeOf(heads[i]!) < timeOf(heads[pick]!)) pick = i;
    const head = heads[pick]!;
    const record = head.batch[head.index++]!;
    if (record.time !== null) head.time = record.time;
    out.push(record);
    if (head.index >= head.batch.length && !(await advance(head))) heads.splice(pick, 1);
    if (out.length >= 1024) {
      yield out;
      out = [];
    }
  }
  if (out.length > 0) yield out;
}

function timeOf(head: Head): number {
  return head.batch[head.index]!.time ?? head.time;
}

async function advance(head: Head): Promise<Head | null> {
  for (;;) {
    const next = await head.iterator.next();
    if (next.done) return null;
    if (next.value.length > 0) {
      head.batch = next.value;
      head.index = 0;
      return head;
    }
  }
}
