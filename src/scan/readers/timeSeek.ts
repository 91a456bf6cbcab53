import { closeSync, fstatSync, readSync } from 'node:fs';
import { NEWLINE } from '../../core/lineBytes.js';
import { MAX_LINE_BYTES } from '../../core/recordLimits.js';
import { NOT_HEADER, type HeaderMatcher } from '../../parsers/headerMatcher.js';
import { lineCutAt } from '../../sources/lineCap.js';
import { newlinesIn } from '../../sources/lineCount.js';
import { openRegularSync } from '../../sources/regularFile.js';
import { ORDER_SLACK_MS } from './timeOrder.js';

/** A probe reads this much at a time; a search narrows to one block before reading forwards. */
const PROBE_BYTES = 64 * 1024;
/** How far into a file its first timed header is looked for. */
const FIRST_HEADER_BYTES = 1024 * 1024;
/** What is read first of a file's end for its last headers. */
const LAST_BYTES = 4 * 1024;
/** Timed headers a probe reads: the time it trusts is their median, so one forged header cannot steer it. */
const PROBE_HEADERS = 3;

/** --since/--until as epoch ms (either may be missing). */
export interface TimeWindow {
  since?: number;
  until?: number;
}

/**
 * Where to read a plain file from for a window: a header line and its line number; 'before': all
 * its records are older than the window; 'after': neither it nor a newer file holds one.
 */
export type WindowStart = { offset: number; line: number } | 'before' | 'after';

/**
 * Where a forward read of a file for records in the window may start without missing one: a
 * binary search by byte offset for a header line older than `since` less twice ORDER_SLACK_MS
 * (one slack for records written out of order, one so the injection check has judged a stretch
 * of records, as in a full scan, before the window starts). Each probe resyncs on the next line
 * start and reads the next few timed headers. The file's first record (newer than `until` plus
 * the slack: 'after') and its last ones (older than `since` less the slack: 'before') are looked
 * at first. Synchronous, as plain files are read: a probe is a few reads from the page cache.
 */
export function windowStart(
  path: string,
  matcher: HeaderMatcher,
  window: TimeWindow,
  lineNumbers = true,
): WindowStart {
  const fd = openRegularSync(path);
  try {
    const probe = new HeaderProbe(fd, fstatSync(fd).size, matcher);
    const start = searchStart(probe, window);
    if (typeof start !== 'number') return start;
    // Without line numbers wanted, the lines before the start are not counted: numbers count from it.
    return { offset: start, line: start === 0 || !lineNumbers ? 1 : probe.linesBefore(start) + 1 };
  } finally {
    closeSync(fd);
  }
}

/**
 * The time of a plain file's first timed header, or null (none, or the file cannot be read): a
 * .gz older than it holds no record newer than this plus ORDER_SLACK_MS, so one cannot be read
 * for a window that starts later.
 */
export function firstRecordTime(path: string, matcher: HeaderMatcher): number | null {
  let fd: number;
  try {
    fd = openRegularSync(path);
  } catch {
    return null; // its own read reports it
  }
  try {
    const probe = new HeaderProbe(fd, fstatSync(fd).size, matcher);
    return probe.timedHeaders(0, 1, FIRST_HEADER_BYTES)[0]?.time ?? null;
  } finally {
    closeSync(fd);
  }
}

function searchStart(probe: HeaderProbe, window: TimeWindow): number | 'before' | 'after' {
  // A file without a timed header near its start (text of another format) is read as it is, not searched twice.
  const first = probe.timedHeaders(0, 1, FIRST_HEADER_BYTES);
  // The first record of a file has none before it to be forged in: its time is taken as it is.
  if (first.length === 0) return 0;
  if (window.until !== undefined && first[0]!.time >= window.until + ORDER_SLACK_MS) return 'after';
  if (window.since === undefined) return 0;
  // With at most one of the last few headers forged, the newest real record is no newer than their newest.
  const last = probe.lastTimes();
  if (last.length > 0 && Math.max(...last) < window.since - ORDER_SLACK_MS) return 'before';
  const target = window.since - 2 * ORDER_SLACK_MS;
  const start = probe.at(0);
  if (start === null || start.time >= target) return 0;
  // Invariant: a real record at or just after `lo` is older than `target`, so every record before `lo` is older than `since`.
  let lo = start.offset;
  let hi = probe.size;
  while (hi - lo > PROBE_BYTES) {
    const mid = lo + Math.floor((hi - lo) / 2);
    const found = probe.at(mid);
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
    private readonly fd: number,
    readonly size: number,
    private readonly matcher: HeaderMatcher,
  ) {}

  /** Times of the last few timed headers (of the last block; none when it holds no header). */
  lastTimes(): number[] {
    // Most files end in a few short records: a small read first, a block when it holds too few.
    let starts = this.headerStarts(Math.max(0, this.size - LAST_BYTES));
    if (starts.length < PROBE_HEADERS && this.size > LAST_BYTES)
      starts = this.headerStarts(Math.max(0, this.size - PROBE_BYTES));
    // Only the last few are decoded and their times parsed.
    return starts
      .slice(-PROBE_HEADERS)
      .flatMap((start) => this.timedHeaders(start, 1))
      .map((h) => h.time);
  }

  private headerStarts(from: number): number[] {
    const starts: number[] = [];
    for (const line of this.linesFrom(from))
      if (this.matcher.messageStart(line.bytes, 0) !== NOT_HEADER) starts.push(line.start);
    return starts;
  }

  /** The number of lines before `offset` (a line start), for the line numbers of a read from there. */
  linesBefore(offset: number): number {
    let count = 0;
    for (let pos = 0; pos < offset;) {
      const read = this.read(pos, this.block, offset - pos);
      if (read === 0) break;
      count += newlinesIn(this.block, 0, read);
      pos += read;
    }
    return count;
  }

  /**
   * The first timed header at or after `from`, with the median time of the next few: with at most
   * one of them forged, one of them is a real record no newer than that median (every record
   * before it is older than the median plus the slack). Null when none is left.
   */
  at(from: number): TimedHeader | null {
    const headers = this.timedHeaders(from, PROBE_HEADERS);
    if (headers.length === 0) return null;
    const times = headers.map((h) => h.time).sort((a, b) => a - b);
    return { offset: headers[0]!.offset, time: times[Math.min(times.length - 1, 1)]! };
  }

  /** Up to `count` timed header lines starting at or after `from` (and before `from + within`), in file order. */
  timedHeaders(from: number, count: number, within = Infinity): TimedHeader[] {
    const found: TimedHeader[] = [];
    for (const line of this.linesFrom(from)) {
      if (line.start >= from + within) break;
      const time = this.timeOf(line.bytes);
      if (time !== null) found.push({ offset: line.start, time });
      if (found.length === count) break;
    }
    return found;
  }

  /** The lines that start at or after `from`. */
  private *linesFrom(from: number): Generator<{ start: number; bytes: Buffer }> {
    // From the byte before `from`, the first line is the one `from` is inside of (or ends just before it).
    let first = from > 0;
    for (const line of this.lines(from > 0 ? from - 1 : 0)) {
      if (first) first = false;
      else yield line;
    }
  }

  /** A header line's time, asked of what the forward reader keeps of the line; null for other lines. */
  private timeOf(line: Buffer): number | null {
    if (this.matcher.messageStart(line, 0) === NOT_HEADER) return null;
    return this.matcher.headerOf(line.toString('utf8'))?.time ?? null;
  }

  /** The lines from `from` (the bytes of each without its '\n', cut to MAX_LINE_BYTES), read a block at a time. */
  private *lines(from: number): Generator<{ start: number; bytes: Buffer }> {
    let pos = from;
    while (pos < this.size) {
      const read = this.read(pos, this.block);
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
      const end = this.lineEnd(pos + read);
      const head = Buffer.allocUnsafe(Math.min(end - pos, MAX_LINE_BYTES + 4));
      const got = this.read(pos, head);
      yield { start: pos, bytes: this.cut(head, 0, Math.min(got, end - pos)) };
      pos = end + 1;
    }
  }

  private cut(bytes: Buffer, start: number, end: number): Buffer {
    return bytes.subarray(start, lineCutAt(bytes, start, end - start));
  }

  /** The offset of the '\n' ending the line that goes on at `from`, or the file's size. */
  private lineEnd(from: number): number {
    for (let pos = from; pos < this.size;) {
      const read = this.read(pos, this.block);
      if (read === 0) break;
      const newline = this.block.subarray(0, read).indexOf(NEWLINE);
      if (newline !== -1) return pos + newline;
      pos += read;
    }
    return this.size;
  }

  private read(position: number, into: Buffer, most = into.length): number {
    const length = Math.min(into.length, most, this.size - position);
    return length <= 0 ? 0 : readSync(this.fd, into, 0, length, position);
  }
}
