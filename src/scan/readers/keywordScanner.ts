import { isAscii } from 'node:buffer';
import type { LogRecord } from '../../core/record.js';
import { MAX_RECORD_BYTES, MAX_RECORD_LINES } from '../../core/recordLimits.js';
import type { LineCuts } from './lineWindows.js';
import { headerFirstBytes } from '../../parsers/headerSteps.js';
import { RecordAssembler, type AssemblerContext } from '../../parsers/recordAssembler.js';
import { NEWLINE } from '../../core/lineBytes.js';

/** Non-ASCII bytes are located to blocks of this size (UTF-8 is rare: ~1 line in 100). */
const ASCII_BLOCK = 256;

/** One window of whole lines: its bytes, and its text with one character per byte. */
interface Window {
  bytes: Buffer;
  /** latin1: character i is byte i, so offsets found in the text are byte offsets. */
  text: string;
  /** All ASCII: slices of `text` are the UTF-8 decoding, no second decode needed. */
  ascii: boolean;
  /** Otherwise, sorted [from, to) blocks that hold the non-ASCII bytes, found when first needed. */
  nonAscii: number[] | null;
}

/**
 * The record-finding half of the keyword scan (keywordScan.ts reads the chunks): in a window of
 * whole lines, from each hit of the keyword to its record's header line and on to the next one.
 */
export class KeywordScanner {
  private readonly assembler: RecordAssembler;
  /** First bytes a header line can begin with: other lines are never decoded to check. */
  private readonly headerFirstBytes: Set<number>;
  /**
   * Lines go to the assembler one by one until the next header: before the first header of the
   * file (unparsed records), or the rest of a record past its caps (the assembler keeps its end).
   */
  private lineByLine = true;
  /** Line number of the first line of the next window. */
  private line = 1;
  private counted = 0;
  /** Set by recordEnd: the record reached its caps. */
  private capped = false;

  constructor(
    private readonly context: AssemblerContext,
    private readonly keyword: string,
    private readonly cuts: LineCuts,
  ) {
    this.assembler = new RecordAssembler(context);
    this.headerFirstBytes = headerFirstBytes(context.format.levelLinePrefix!);
  }

  /**
   * Starts at a line other than the file's first (the value lane read up to there). A header is
   * looked for first, as at a file's start, so lines there that start none stay unparsed records.
   */
  resumeAt(line: number): void {
    this.line = line;
  }

  /**
   * Scans a window of whole lines and returns how much of it was consumed: the last record,
   * which may go on in the next chunk, is left for the next window (unless `final`).
   */
  scan(bytes: Buffer, final: boolean, out: LogRecord[]): number {
    const w: Window = { bytes, text: bytes.toString('latin1'), ascii: isAscii(bytes), nonAscii: null };
    this.counted = 0;
    let pos = 0; // a record starts here (a header line) unless in unparsed mode
    let hit = -1;
    while (pos < bytes.length) {
      if (this.lineByLine) {
        pos = this.linesToHeader(w, pos, out);
        continue;
      }
      if (hit < pos) hit = w.text.indexOf(this.keyword, pos);
      if (hit === -1) {
        // No more hits: the window's last record may go on in the next chunk, so it is carried over.
        const last = this.headerAtOrBefore(w, lineStart(w.text, bytes.length - 1), pos);
        const end = this.recordEnd(w, last);
        if (!this.capped) return final ? this.finish(w, out) : this.consumed(w, last);
        pos = this.longRecord(w, last, end, out);
        continue;
      }
      // Usually the hit is on a header line: its record is built straight away, and only when
      // that fails is its header looked for on the lines before.
      const hitLine = this.advanceTo(w, hit);
      let end = this.recordEnd(w, hitLine);
      if (end === bytes.length && !final) return this.consumed(w, this.headerAtOrBefore(w, hitLine, pos));
      if (!this.capped && this.emit(w, hitLine, end, out)) {
        pos = end;
        continue;
      }
      const start = this.headerAtOrBefore(w, hitLine, pos);
      end = this.recordEnd(w, start);
      if (this.capped) pos = this.longRecord(w, start, end, out);
      else {
        if (hit < end) this.emit(w, start, end, out);
        pos = end;
      }
    }
    return final ? this.finish(w, out) : this.consumed(w, bytes.length);
  }

  /** The window is the input's last: the record the assembler holds is complete. */
  private finish(w: Window, out: LogRecord[]): number {
    this.assembler.flush(out);
    return this.consumed(w, w.bytes.length);
  }

  /**
   * A record past its caps, whether it holds a hit or not (the keyword is a hint): its lines
   * [start, end) go to the assembler, which keeps its head and its end, and so do the next ones.
   */
  private longRecord(w: Window, start: number, end: number, out: LogRecord[]): number {
    for (let pos = start; pos < end;) pos = this.pushLine(w, pos, out);
    this.lineByLine = true;
    return end;
  }

  /** Lines to the assembler until a header line, which completes the record it holds. */
  private linesToHeader(w: Window, from: number, out: LogRecord[]): number {
    let pos = from;
    while (pos < w.bytes.length) {
      if (this.isHeader(w, pos, lineEnd(w.text, pos))) {
        this.assembler.flush(out);
        this.lineByLine = false;
        return pos;
      }
      pos = this.pushLine(w, pos, out);
    }
    return pos;
  }

  /** The line at `pos` to the assembler; returns where the next one starts. */
  private pushLine(w: Window, pos: number, out: LogRecord[]): number {
    const end = lineEnd(w.text, pos);
    const cut = this.cuts.within(w.bytes, pos, end);
    this.assembler.push(this.decode(w, pos, end), this.lineAt(w, pos), out, cut);
    return end + 1;
  }

  /** The nearest header line at or before the line at `target`; `floor` is known to be one. */
  private headerAtOrBefore(w: Window, target: number, floor: number): number {
    for (let at = target; at > floor; at = lineStart(w.text, at - 1)) {
      if (this.isHeader(w, at, lineEnd(w.text, at))) return at;
    }
    return floor;
  }

  /**
   * Where the record starting at `start` ends: the next header line or the window's end; or,
   * with `capped` set, the first line past the line cap.
   */
  private recordEnd(w: Window, start: number): number {
    this.capped = false;
    let at = lineEnd(w.text, start) + 1;
    for (let lines = 1; at < w.bytes.length; lines++) {
      if (lines === MAX_RECORD_LINES || at - start > MAX_RECORD_BYTES) {
        this.capped = true;
        return at;
      }
      const end = lineEnd(w.text, at);
      if (this.isHeader(w, at, end)) return at;
      at = end + 1;
    }
    return w.bytes.length;
  }

  /** Builds the record of lines [start, end); false when its first line is not a header. */
  private emit(w: Window, start: number, end: number, out: LogRecord[]): boolean {
    // Without the final newline, as the line-by-line path joins lines.
    const stop = end > start && w.text.charCodeAt(end - 1) === NEWLINE ? end - 1 : end;
    const cut = this.cuts.within(w.bytes, start, stop);
    const record = this.assembler.recordFromText(this.decode(w, start, stop), this.lineAt(w, start), cut);
    if (record) out.push(record);
    return record !== null;
  }

  private isHeader(w: Window, start: number, end: number): boolean {
    return this.headerFirstBytes.has(w.bytes[start]!) && this.assembler.isHeader(this.decode(w, start, end));
  }

  private decode(w: Window, start: number, end: number): string {
    // Most pieces hold some UTF-8 (SMS bodies), most records none: only those are decoded again.
    if (w.ascii || !overlaps(nonAsciiBlocks(w), start, end)) return w.text.slice(start, end);
    return w.bytes.toString('utf8', start, end);
  }

  /** 1-based line number of the line starting at `offset`, counted from the last one asked for. */
  private lineAt(w: Window, offset: number): number {
    const { text } = w;
    if (offset >= this.counted) {
      for (let i = text.indexOf('\n', this.counted); i !== -1 && i < offset; i = text.indexOf('\n', i + 1))
        this.line++;
    } else {
      for (let i = text.indexOf('\n', offset); i !== -1 && i < this.counted; i = text.indexOf('\n', i + 1))
        this.line--;
    }
    this.counted = offset;
    return this.line;
  }

  /**
   * The start of the line holding `at`, counting lines on the way: one forward walk serves
   * both the line number and the line start (`at` is never before the last line counted).
   */
  private advanceTo(w: Window, at: number): number {
    const { text } = w;
    for (let i = text.indexOf('\n', this.counted); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) {
      this.line++;
      this.counted = i + 1;
    }
    return this.counted;
  }

  private consumed(w: Window, offset: number): number {
    this.lineAt(w, offset);
    return offset;
  }
}

/** Halves the piece until the blocks that are not ASCII are small: a few native checks per piece. */
function nonAsciiBlocks(w: Window): number[] {
  if (w.nonAscii) return w.nonAscii;
  const blocks: number[] = [];
  const visit = (from: number, to: number): void => {
    if (isAscii(w.bytes.subarray(from, to))) return;
    if (to - from <= ASCII_BLOCK) blocks.push(from, to);
    else {
      const middle = (from + to) >>> 1;
      visit(from, middle);
      visit(middle, to);
    }
  };
  visit(0, w.bytes.length);
  return (w.nonAscii = blocks);
}

/** Whether [start, end) meets one of the sorted, disjoint [from, to) blocks. */
function overlaps(blocks: readonly number[], start: number, end: number): boolean {
  let low = 0;
  let high = blocks.length >> 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (blocks[2 * middle + 1]! <= start) low = middle + 1;
    else high = middle;
  }
  return 2 * low < blocks.length && blocks[2 * low]! < end;
}

function lineStart(text: string, at: number): number {
  return at <= 0 ? 0 : text.lastIndexOf('\n', at - 1) + 1;
}

function lineEnd(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end === -1 ? text.length : end;
}
