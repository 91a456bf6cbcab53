import type { FileHandle } from 'node:fs/promises';
import { NEWLINE } from '../../core/lineBytes.js';
import { MAX_LINE_BYTES } from '../../core/recordLimits.js';
import { NOT_HEADER, type HeaderMatcher } from '../../parsers/headerMatcher.js';
import { countLinesBefore } from '../../sources/countLines.js';
import { lineCutAt } from '../../sources/lineCap.js';
import { openRegular } from '../../sources/regularFile.js';
import { ORDER_SLACK_MS } from './timeOrder.js';

/** A probe reads this much at a time; a search narrows to one block before reading forwards. */
const PROBE_BYTES = 64 * 1024;
/** Timed headers a probe reads: the time it trusts is their median, so one forged header cannot steer it. */
const PROBE_HEADERS = 3;

/** --since/--until as epoch ms (either may be missing). */
export interface TimeWindow {
  since?: number;
  until?: number;
}

/** Where to read a plain file from for a window: a header line and its line number; or 'after' (skip it and newer files). */
export type WindowStart = { offset: number; line: number } | 'after';

/**
 * Where a forward read of a file for records in the window may start without missing one: a
 * binary search by byte offset for a header line older than `since` less twice ORDER_SLACK_MS
 * (one slack for records written out of order, one so the injection check has judged a stretch
 * of records, as in a full scan, before the window starts). Each probe resyncs on the next line
 * start and reads the next few timed headers. 'after': the file's first record is newer than
 * `until` plus the slack, so neither it nor any newer file holds a record of the window.
 */
export async function windowStart(
  path: string,
  size: number,
  matcher: HeaderMatcher,
  window: TimeWindow,
): Promise<WindowStart> {
  const file = await openRegular(path);
  let offset: number | 'after';
  try {
    offset = await searchStart(new HeaderProbe(file, size, matcher), size, window);
  } finally {
    await file.close();
  }
  if (offset === 'after') return offset;
  return { offset, line: offset === 0 ? 1 : (await countLinesBefore(path, offset)) + 1 };
}

async function searchStart(probe: HeaderProbe, size: number, window: TimeWindow): Promise<number | 'after'> {
  const first = await probe.timedHeaders(0, 1);
  // The first record of a file has none before it to be forged in: its time is taken as it is.
  if (first.length === 0) return 0;
  if (window.until !== undefined && first[0]!.time >= window.until + ORDER_SLACK_MS) return 'after';
  if (window.since === undefined) return 0;
  const target = window.since - 2 * ORDER_SLACK_MS;
  const start = await probe.at(0);
  if (start === null || start.time >= target) return 0;
  // Invariant: the header at `lo` is older than `target`, so every record before it is older than `since`.
  let lo = start.offset;
  let hi = size;
  while (hi - lo > PROBE_BYTES) {
    const mid = lo + Math.floor((hi - lo) / 2);
    const found = await probe.at(mid);
    if (found === null || found.time >= target) hi = mid;
    else lo = found.offset;
  }
  return lo;
}

interface TimedHeader {
  offset: number;
  time: number;
}

/** Reads header lines and their times at any offset of a file, a block at a time. */
class HeaderProbe {
  private readonly block = Buffer.allocUnsafe(PROBE_BYTES);

  constructor(
    private readonly file: FileHandle,
    private readonly size: number,
    private readonly matcher: HeaderMatcher,
  ) {}

  /**
   * The first timed header at or after `from` with the median time of the next few: with at most
   * one forged among them, a real record at or after that header is at least that old (or, read
   * the other way, no older). Null when none is left.
   */
  async at(from: number): Promise<TimedHeader | null> {
    const headers = await this.timedHeaders(from, PROBE_HEADERS);
    if (headers.length === 0) return null;
    const times = headers.map((h) => h.time).sort((a, b) => a - b);
    return { offset: headers[0]!.offset, time: times[Math.min(times.length - 1, 1)]! };
  }

  /** Up to `count` timed header lines starting at or after `from`, in file order. */
  async timedHeaders(from: number, count: number): Promise<TimedHeader[]> {
    const found: TimedHeader[] = [];
    // From the byte before `from`, the first line is the one `from` is inside of (or ends just before it).
    let first = from > 0;
    for await (const line of this.lines(from > 0 ? from - 1 : 0)) {
      if (first) {
        first = false;
        continue;
      }
      const time = this.timeOf(line.bytes);
      if (time !== null) found.push({ offset: line.start, time });
      if (found.length === count) break;
    }
    return found;
  }

  /** A header line's time, asked of what the forward reader keeps of the line; null for other lines. */
  private timeOf(line: Buffer): number | null {
    if (this.matcher.messageStart(line, 0) === NOT_HEADER) return null;
    return this.matcher.headerOf(line.toString('utf8'))?.time ?? null;
  }

  /** The lines from `from` (the bytes of each without its '\n', cut to MAX_LINE_BYTES), read a block at a time. */
  private async *lines(from: number): AsyncGenerator<{ start: number; bytes: Buffer }> {
    let pos = from;
    while (pos < this.size) {
      const read = await this.read(pos, this.block);
      if (read === 0) return;
      const atEnd = pos + read >= this.size;
      let at = 0;
      while (at < read) {
        const newline = this.block.indexOf(NEWLINE, at);
        if ((newline === -1 || newline >= read) && !atEnd) break; // goes on past the block
        const end = newline === -1 || newline >= read ? read : newline;
        yield { start: pos + at, bytes: this.cut(this.block, at, end) };
        at = end + 1;
      }
      if (at > 0) {
        pos += at;
        continue;
      }
      // A line longer than a block: its head is what the reader keeps; the rest is passed over.
      const end = await this.lineEnd(pos + read);
      const head = Buffer.allocUnsafe(Math.min(end - pos, MAX_LINE_BYTES + 4));
      const got = await this.read(pos, head);
      yield { start: pos, bytes: this.cut(head, 0, Math.min(got, end - pos)) };
      pos = end + 1;
    }
  }

  private cut(bytes: Buffer, start: number, end: number): Buffer {
    return bytes.subarray(start, lineCutAt(bytes, start, end - start));
  }

  /** The offset of the '\n' ending the line that goes on at `from`, or the file's size. */
  private async lineEnd(from: number): Promise<number> {
    for (let pos = from; pos < this.size;) {
      const read = await this.read(pos, this.block);
      if (read === 0) break;
      const newline = this.block.subarray(0, read).indexOf(NEWLINE);
      if (newline !== -1) return pos + newline;
      pos += read;
    }
    return this.size;
  }

  private async read(position: number, into: Buffer): Promise<number> {
    const length = Math.min(into.length, this.size - position);
    if (length <= 0) return 0;
    return (await this.file.read(into, 0, length, position)).bytesRead;
  }
}
