import type { KeywordValues } from '../../core/keywordValues.js';
import { newlinesBefore, newlinesIn } from '../../sources/lineCount.js';
import { NOT_HEADER, type HeaderMatcher } from '../../parsers/headerMatcher.js';
import { MAX_RECORD_LINES } from '../../core/recordLimits.js';
import { NEWLINE } from '../../core/lineBytes.js';

/**
 * A window this large holding one record start only goes to the record scan, which caps
 * records at MAX_RECORD_LINES lines: the lane would grow its window without bound.
 */
const MAX_CARRIED_BYTES = 1024 * 1024;

/**
 * The fast lane of the record reader with a literal finder (STYLE habit 6, taken to the
 * bytes): searches each window's raw bytes for the keyword and, for a hit on a header line, reads the value from that line and
 * hands it to KeywordValues.push — no line is decoded, no record built, no line counted.
 *
 * The lane only takes what it can prove a full scan would read the same way: the hit is on a
 * header line, in the message, the reader is sure of its value, and the record has fewer than
 * MAX_RECORD_LINES lines. Hits on continuation lines of a record already read are skipped, as
 * the reader reads the first value of a record only. Anything else — a hit on a continuation
 * line of a record whose header has none, garbage, another spelling, a file that does not start
 * with a header — makes the lane step aside for good: `active` turns false, `resumeLine` is the
 * line number there (counted once, from the file on disk) and the record reader takes over from
 * that record, so the result is exactly the full scan's.
 */
export class ValueLane {
  active = true;
  /** 1-based line number of the record where the record scan takes over. */
  resumeLine = 1;
  private readonly keyword: Buffer;
  /** File offset of the current window. */
  private windowStart = 0;
  /** Header of the record whose value waits until the record is known to end under the cap. */
  private pending = -1;
  private pendingValue = 0;

  constructor(
    private readonly path: string,
    private readonly header: HeaderMatcher,
    private readonly values: KeywordValues,
  ) {
    this.keyword = Buffer.from(values.keyword, 'utf8');
  }

  /**
   * Scans a window of whole lines that starts at a record's header (or the file's start) and
   * returns how much it consumed; once `active` is false, where the record scan must go on.
   */
  scan(bytes: Buffer, final: boolean): number {
    const consumed = this.scanWindow(bytes, final);
    if (this.active) this.windowStart += consumed;
    return consumed;
  }

  private scanWindow(b: Buffer, final: boolean): number {
    this.pending = -1;
    if (this.windowStart === 0 && b.length > 0 && this.header.messageStart(b, 0) < 0)
      return this.stepAside(b, 0);
    /** The last header known in this window: a record starts at the window's start. */
    let known = 0;
    let from = 0;
    for (;;) {
      const hit = b.indexOf(this.keyword, from);
      if (hit === -1) break;
      from = hit + this.keyword.length;
      const start = lineStart(b, hit);
      if (start === this.pending) continue; // a second hit on a line already read
      const message = this.header.messageStart(b, start);
      if (message === NOT_HEADER) {
        // A continuation line: of the record already read (skip), or of one whose header had none.
        const owner = this.headerBetween(b, known, start);
        if (owner === known && known === this.pending) continue;
        return this.stepAsideAfterPending(b, owner);
      }
      const value = hit < message ? undefined : this.values.valueAt(b, message, hit);
      if (value === undefined) return this.stepAsideAfterPending(b, start);
      if (!this.settlePending(b, start)) return this.stepAside(b, this.pending);
      this.pending = known = start;
      this.pendingValue = value;
    }
    if (final) return this.settlePending(b, b.length) ? b.length : this.stepAside(b, this.pending);
    // The last record may go on in the next chunk: it starts the next window.
    const last = this.headerBetween(b, known, lineStart(b, b.length - 1));
    if (b.length - last > MAX_CARRIED_BYTES) return this.stepAsideAfterPending(b, last);
    if (last === this.pending) return last;
    return this.settlePending(b, last) ? last : this.stepAside(b, this.pending);
  }

  /** Pushes the pending value if its record, which ends by `end` (past it), is under the line cap. */
  private settlePending(b: Buffer, end: number): boolean {
    if (this.pending < 0) return true;
    // A line is at least its newline: fewer bytes than the cap means fewer lines.
    if (end - this.pending >= MAX_RECORD_LINES && newlinesIn(b, this.pending, end) >= MAX_RECORD_LINES)
      return false;
    this.values.push(this.pendingValue);
    this.pending = -1;
    return true;
  }

  /** Steps aside at `at`, after pushing the pending value of a record that ended before it. */
  private stepAsideAfterPending(b: Buffer, at: number): number {
    const before = this.pending >= 0 && this.pending < at;
    return before && !this.settlePending(b, at) ? this.stepAside(b, this.pending) : this.stepAside(b, at);
  }

  /** Hands the file over to the record scan at `at`, a record's header in this window. */
  private stepAside(b: Buffer, at: number): number {
    this.active = false;
    const before = this.windowStart > 0 ? newlinesBefore(this.path, this.windowStart) : 0;
    this.resumeLine = 1 + before + newlinesIn(b, 0, at);
    return at;
  }

  /** The last header line after `floor` (a header) and at or before the line at `start`, else `floor`. */
  private headerBetween(b: Buffer, floor: number, start: number): number {
    for (let at = start; at > floor; at = lineStart(b, at - 1))
      if (this.header.messageStart(b, at) >= 0) return at;
    return floor;
  }
}

function lineStart(b: Buffer, at: number): number {
  return at === 0 ? 0 : b.lastIndexOf(NEWLINE, at - 1) + 1;
}
