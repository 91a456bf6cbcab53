import type { LogRecord } from '../../core/record.js';
import { MAX_RECORD_BYTES, MAX_RECORD_LINES } from '../../core/recordLimits.js';
import { NEWLINE } from '../../core/lineBytes.js';
import { NOT_HEADER, type HeaderMatcher } from '../../parsers/headerMatcher.js';
import { RecordAssembler, type AssemblerContext } from '../../parsers/recordAssembler.js';
import type { CandidateFinder } from './finders/candidateFinder.js';
import type { LineCuts } from './lineWindows.js';
import type { ValueLane } from './valueLane.js';
import { scanInPieces } from './windowPieces.js';

/**
 * The one way from bytes to records: reads windows of whole lines (the feeders cut them: files
 * and .gz forwards, follow mode's appended chunks, blocks from a file's end) and builds the
 * records a candidate finder points at, each from its header line to the next header with
 * RecordAssembler.recordFromText. Lines are only decoded when a record is built or when a line
 * is handed over one by one: before the first header (unparsed records, never dropped), and the
 * rest of a record past its caps (recordLimits.ts), which the assembler caps by keeping its head
 * and last lines, so a window never has to hold more than a capped record. Line numbers are
 * counted here, and so are the bytes the feeder cut from long lines (`cuts`).
 */
export class RecordReader {
  private readonly assembler: RecordAssembler;
  /**
   * The lines go to the assembler one by one until the next header: before the input's first
   * header, or the rest of a record too long to hold in a window.
   */
  private lineByLine = true;
  /** Line number of the line starting at `counted` in the current window. */
  private line = 1;
  private counted = 0;
  /** Set by recordEnd: the record reached its caps; else how many lines it has. */
  private capped = false;
  private recordLines = 0;
  private counting = true;

  constructor(
    context: AssemblerContext,
    private readonly matcher: HeaderMatcher,
    private readonly finder: CandidateFinder,
    private readonly cuts: LineCuts,
    /** Reads values without building records until it steps aside (valueLane.ts). */
    private readonly lane?: ValueLane,
  ) {
    this.assembler = new RecordAssembler(context);
  }

  /**
   * Stops counting lines: no output shows them, and counting every newline between the records a
   * finder points at costs about as much as finding them. Their records then have line 0, like
   * lastRecords' uncounted ones (a reader of every line numbers them as it splits, at no cost).
   */
  uncounted(): void {
    this.counting = false;
  }

  /** The first line read is line `line` of its input (follow mode may start mid-file). */
  numberFrom(line: number): void {
    this.line = line;
  }

  /** The next window starts another input, at its line 1 (a region of a file read backwards). */
  restart(): void {
    this.lineByLine = true;
    this.line = 1;
    this.counted = 0;
  }

  /**
   * Reads one window: yields its records piece by piece and returns how much it consumed (the
   * last record, which may go on, is carried to the next window unless `final`). While the value
   * lane is active it reads first; where it steps aside the records are read from there on.
   */
  *read(window: Buffer, final: boolean): Generator<LogRecord[], number> {
    const lane = this.lane;
    if (!lane?.active) return yield* scanInPieces(this, window, final);
    const taken = lane.scan(window, final);
    if (lane.active) return taken;
    this.line = lane.resumeLine;
    return taken + (yield* scanInPieces(this, window.subarray(taken), final));
  }

  /** Reads a window of whole lines into `out`; returns how much of it was consumed. */
  scan(w: Buffer, final: boolean, out: LogRecord[]): number {
    this.counted = 0;
    if (this.finder.everyLine) {
      this.everyLine(w, out);
      return final ? this.finish(w, out) : w.length;
    }
    let pos = 0; // a line start; a header unless skipping candidates that start none
    let known = -1; // a line start found to be a header
    while (pos < w.length) {
      if (this.lineByLine) {
        pos = this.linesToHeader(w, pos, out);
        continue;
      }
      const hit = this.finder.next(w, pos);
      if (hit === -1) {
        if (!this.finder.inBody) break;
        // A later window may hold a hit in the body of this window's last record.
        const last = this.headerAtOrBefore(w, lineStart(w, w.length - 1), pos);
        const end = this.recordEnd(w, last);
        if (!this.capped) return final ? this.finish(w, out) : this.consumed(w, last);
        pos = this.longRecord(w, last, end, out);
        continue;
      }
      let start = lineStart(w, hit);
      if (start !== known && !this.isHeader(w, start)) {
        if (!this.finder.inBody) {
          pos = lineEnd(w, start) + 1;
          continue;
        }
        start = this.headerAtOrBefore(w, start, pos);
      }
      const end = this.recordEnd(w, start);
      if (this.capped) {
        pos = this.longRecord(w, start, end, out);
        continue;
      }
      if (end === w.length && !final) return this.consumed(w, start); // it may go on
      this.emit(w, start, end, out);
      pos = known = end;
    }
    return final ? this.finish(w, out) : this.consumed(w, w.length);
  }

  /** The window is the input's last: the record the assembler holds is complete. */
  private finish(w: Buffer, out: LogRecord[]): number {
    this.assembler.flush(out);
    return this.consumed(w, w.length);
  }

  /**
   * A record past its caps, wanted or not (a finder's hit is a hint): its lines [start, end) go
   * to the assembler, which keeps its head and its end, and so do the next ones up to a header.
   */
  private longRecord(w: Buffer, start: number, end: number, out: LogRecord[]): number {
    for (let pos = start; pos < end;) pos = this.pushLine(w, pos, out);
    this.lineByLine = true;
    return end;
  }

  /** Lines to the assembler until a header line, which completes the record it holds. */
  private linesToHeader(w: Buffer, from: number, out: LogRecord[]): number {
    let pos = from;
    while (pos < w.length) {
      if (this.isHeader(w, pos)) {
        this.assembler.flush(out);
        this.lineByLine = false;
        return pos;
      }
      pos = this.pushLine(w, pos, out);
    }
    return pos;
  }

  /** The line at `pos` to the assembler; returns where the next one starts. */
  private pushLine(w: Buffer, pos: number, out: LogRecord[]): number {
    const end = lineEnd(w, pos);
    const cut = this.cuts.within(w, pos, end);
    this.assembler.push(w.toString('utf8', pos, end), this.lineAt(w, pos), out, cut);
    return end + 1;
  }

  /**
   * Every line of the window to the assembler: decoded in one piece and split, which costs less
   * than decoding line by line; line by line only where the feeder cut a long line.
   */
  private everyLine(w: Buffer, out: LogRecord[]): void {
    if (w.length === 0) return;
    if (this.cuts.within(w, 0, w.length) > 0) {
      for (let pos = 0; pos < w.length;) pos = this.pushLine(w, pos, out);
      this.lineAt(w, w.length);
      return;
    }
    const lines = w.toString('utf8', 0, w[w.length - 1] === NEWLINE ? w.length - 1 : w.length).split('\n');
    const first = this.line;
    for (let i = 0; i < lines.length; i++) this.assembler.push(lines[i]!, first + i, out);
    this.line = first + lines.length;
    this.counted = w.length;
  }

  /** The nearest header line at or before the line at `target`; `floor` is known to be one. */
  private headerAtOrBefore(w: Buffer, target: number, floor: number): number {
    for (let at = target; at > floor; at = lineStart(w, at - 1)) if (this.isHeader(w, at)) return at;
    return floor;
  }

  /**
   * Where the record starting at `start` ends: the next header line or the window's end (its
   * lines in `recordLines`); or, with `capped` set, the first line past the caps.
   */
  private recordEnd(w: Buffer, start: number): number {
    this.capped = false;
    let at = lineEnd(w, start) + 1;
    let lines = 1;
    for (; at < w.length; lines++) {
      if (lines === MAX_RECORD_LINES || at - start > MAX_RECORD_BYTES) {
        this.capped = true;
        return at;
      }
      if (this.isHeader(w, at)) break;
      at = lineEnd(w, at) + 1;
    }
    this.recordLines = lines;
    return at < w.length ? at : w.length;
  }

  /** Builds the record of lines [start, end), a header line and the lines up to the next. */
  private emit(w: Buffer, start: number, end: number, out: LogRecord[]): void {
    // Without the final newline, as the line-by-line path joins lines.
    const stop = end > start && w[end - 1] === NEWLINE ? end - 1 : end;
    const line = this.lineAt(w, start);
    const record = this.assembler.recordFromText(
      w.toString('utf8', start, stop),
      line,
      this.cuts.within(w, start, stop),
    );
    if (record) out.push(record);
    // recordEnd counted the record's lines: no second search for their newlines.
    this.line = line + this.recordLines;
    this.counted = end;
  }

  private isHeader(w: Buffer, at: number): boolean {
    return this.matcher.messageStart(w, at) !== NOT_HEADER;
  }

  /** 1-based line number of the line starting at `offset`, counted from the last one asked for (0: uncounted). */
  private lineAt(w: Buffer, offset: number): number {
    if (!this.counting) return 0;
    this.line += newlinesBetween(w, this.counted, offset);
    this.counted = offset;
    return this.line;
  }

  private consumed(w: Buffer, offset: number): number {
    this.lineAt(w, offset);
    return offset;
  }
}

function lineStart(w: Buffer, at: number): number {
  return at <= 0 ? 0 : w.lastIndexOf(NEWLINE, at - 1) + 1;
}

function lineEnd(w: Buffer, from: number): number {
  const end = w.indexOf(NEWLINE, from);
  return end === -1 ? w.length : end;
}

/** Newlines in [from, to), negated when `to` comes first. */
function newlinesBetween(w: Buffer, from: number, to: number): number {
  if (to < from) return -newlinesBetween(w, to, from);
  let count = 0;
  for (let i = w.indexOf(NEWLINE, from); i !== -1 && i < to; i = w.indexOf(NEWLINE, i + 1)) count++;
  return count;
}
