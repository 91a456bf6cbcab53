import type { LogRecord } from '../core/record.js';

/**
 * How far back in time a real record may land after the one before it in the same file: several
 * worker processes append to one file, each stamping its record when it is created, not written.
 */
export const WRITER_SKEW_MS = 10_000;

export interface InjectionCheckOptions {
  /** The format's text after the message ('"}' in sms.log): a record none of whose lines end with it never closed. */
  suffix: string;
  /** Every record of the file is fed (not a level or keyword scan that skips the others). */
  consecutive: boolean;
  /** Hold each record until the next timed one is known; off when following, so records go out at once. */
  lookahead: boolean;
  /** Records come newest first (a file read backwards). */
  backward?: boolean;
}

/**
 * Flags records whose header was most likely forged inside the message of the record before
 * (an SMS body with a newline and a well-formed header), marking them `suspect: 'injected'`:
 * - the record before never closed its JSON (sms.log): Python writes the suffix after every
 *   message, so a header before it is part of that message;
 * - its time breaks the file's order by more than WRITER_SKEW_MS while its neighbours agree with
 *   each other: it went back before the last trusted record and the next one comes back, or it
 *   jumped ahead of the next one that continues from the last trusted record. A run of records
 *   that stay back is a clock set back (DST, NTP), not an injection.
 * Records of one file (or one shard, or one followed stream) are fed in order; a record without
 * a record before it is not judged by time.
 */
export class InjectionCheck {
  /** Time of the last record not judged suspect, and of the one before it. */
  private trusted: number | null = null;
  private trustedBefore: number | null = null;
  /** Time of the last record judged suspect for going back, while the next ones may follow it. */
  private wentBackTo: number | null = null;
  private lastFed: LogRecord | null = null;
  /** A timed record waiting for the next one, then the untimed ones fed after it. */
  private readonly held: LogRecord[] = [];

  constructor(private readonly options: InjectionCheckOptions) {}

  /** Feeds one record; appends the records judged so far, in the order fed, to `out`. */
  push(record: LogRecord, out: LogRecord[]): void {
    this.checkClosed(record);
    const time = this.timeOf(record);
    if (time === null) {
      if (this.held.length > 0) this.held.push(record);
      else out.push(record);
      return;
    }
    if (!this.options.lookahead) {
      this.judge(record, undefined);
      out.push(record);
      return;
    }
    this.release(time, out);
    this.held.push(record);
  }

  /** Feeds a batch; returns the records judged so far. `last`: nothing follows (end of the file or shard). */
  judged(batch: readonly LogRecord[], last = false): LogRecord[] {
    const out: LogRecord[] = [];
    for (const record of batch) this.push(record, out);
    if (last) this.flush(out);
    return out;
  }

  /** Judges what is held with no record after it (end of the file or shard). */
  flush(out: LogRecord[]): void {
    this.release(undefined, out);
  }

  private release(nextTime: number | undefined, out: LogRecord[]): void {
    if (this.held.length === 0) return;
    this.judge(this.held[0]!, nextTime);
    for (const record of this.held) out.push(record);
    this.held.length = 0;
  }

  /** The JSON rule: the newer of two neighbours is suspect when the older never closed. */
  private checkClosed(record: LogRecord): void {
    const previous = this.lastFed;
    this.lastFed = record;
    const { suffix, consecutive, backward } = this.options;
    if (suffix === '' || !consecutive || !previous || previous.file !== record.file) return;
    const [older, newer] = backward ? [record, previous] : [previous, record];
    if (older.unparsed || newer.unparsed) return;
    // A record cut to the caps lost the middle where its closing suffix may have been.
    if (older.truncatedBytes > 0) return;
    if (!closes(older.raw, suffix)) newer.suspect = 'injected';
  }

  private timeOf(record: LogRecord): number | null {
    if (record.unparsed || record.time === null) return null;
    return this.options.backward ? -record.time : record.time;
  }

  /** The time rule, with the time of the next timed record when it is known. */
  private judge(record: LogRecord, nextTime: number | undefined): void {
    const time = this.timeOf(record)!;
    const last = this.trusted;
    let wentBack = false;
    if (record.suspect === undefined && last !== null) {
      const nextAgrees = nextTime === undefined || nextTime >= last - WRITER_SKEW_MS;
      const before = this.trustedBefore;
      wentBack =
        time < last - WRITER_SKEW_MS &&
        (before === null || time < before - WRITER_SKEW_MS) &&
        // A record that stays with the one flagged before it: the clock was set back.
        !(this.wentBackTo !== null && time >= this.wentBackTo - WRITER_SKEW_MS) &&
        nextAgrees;
      const jumpedAhead = nextTime !== undefined && time > nextTime + WRITER_SKEW_MS && nextAgrees;
      if (wentBack || jumpedAhead) record.suspect = 'injected';
    }
    if (record.suspect !== undefined) {
      this.wentBackTo = wentBack ? time : this.wentBackTo;
      return;
    }
    this.trustedBefore = last;
    this.trusted = time;
    this.wentBackTo = null;
  }
}

/** Whether some line of a record's text ends with the format's suffix (a CRLF file's `\r` allowed). */
function closes(raw: string, suffix: string): boolean {
  if (raw.endsWith(suffix) || raw.endsWith(suffix + '\r')) return true;
  return raw.includes(suffix + '\n') || raw.includes(suffix + '\r\n');
}
