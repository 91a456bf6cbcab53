import type { LogRecord } from '../core/record.js';
import type { CompiledFormat } from './pythonFormat.js';
import { headerMatcherFor, type HeaderMatch, type HeaderMatcher } from './headerMatcher.js';
import { splitMessage, splitMessageText, type SplitMessage } from './messageSplitter.js';
import { MAX_RECORD_BYTES, MAX_RECORD_LINES, TAIL_BYTES, TAIL_LINES } from '../core/recordLimits.js';
import { withoutCrlfLines, withoutCrlfText } from './lineEnds.js';

export interface AssemblerContext {
  format: CompiledFormat;
  /** asctime text → epoch ms, or null when the date is not a valid one. */
  parseTime: (text: string) => number | null;
  /** File name reported in every record. */
  file: string;
}

interface Pending {
  header: HeaderMatch;
  line: number;
  /** The head: the first lines, up to MAX_RECORD_LINES and MAX_RECORD_BYTES (in characters). */
  lines: string[];
  headChars: number;
  /** Once the head is full: the last lines (TAIL_LINES, TAIL_BYTES), where the exception is named. */
  tail: string[] | null;
  tailChars: number;
  /** Bytes left out: lines dropped between head and tail, and the cut ends of long lines. */
  cutBytes: number;
}

/**
 * Joins physical lines into records. A line starts a record only when the whole header matches
 * and its timestamp is a real date; anything else continues the record before it, so traceback
 * lines and message lines that begin with "ERROR" or "Traceback" stay where they belong.
 * Lines before the first header become records flagged `unparsed`, one per line, never dropped.
 * A record longer than its caps keeps its head and its last lines; what lies between is counted
 * in `truncatedBytes`. A record written with CRLF line ends is read as LF (lineEnds.ts).
 */
export class RecordAssembler {
  private pending: Pending | null = null;
  /** Asked of every line: whether it starts a record, and the header's captures and time. */
  private readonly header: HeaderMatcher;

  constructor(private readonly context: AssemblerContext) {
    this.header = headerMatcherFor(context.format, context.parseTime);
  }

  /**
   * Feeds one line; appends any record it completed to `out`. `cutBytes`: bytes the reader cut
   * from the end of this line (longer than MAX_LINE_BYTES).
   */
  push(text: string, lineNumber: number, out: LogRecord[], cutBytes = 0): void {
    const header = this.header.headerOf(text);
    if (header) {
      this.flush(out);
      this.pending = {
        header,
        line: lineNumber,
        lines: [text],
        headChars: text.length,
        tail: null,
        tailChars: 0,
        cutBytes,
      };
      return;
    }
    const pending = this.pending;
    if (pending) {
      pending.cutBytes += cutBytes;
      addLine(pending, text);
      return;
    }
    out.push(unparsedRecord(text, this.context.file, lineNumber, cutBytes));
  }

  /** Completes the pending record (end of input, or the follower went idle). */
  flush(out: LogRecord[]): void {
    const pending = this.pending;
    if (!pending) return;
    this.pending = null;
    out.push(this.build(pending));
  }

  hasPending(): boolean {
    return this.pending !== null;
  }

  /**
   * A whole record found by a scan that already knows where it ends: `text` is its header line
   * and continuation lines. Splits the text once instead of line by line; null when the first
   * line is not a header after all.
   */
  recordFromText(text: string, line: number, cutBytes = 0): LogRecord | null {
    const newline = text.indexOf('\n');
    const header = this.header.headerOf(newline === -1 ? text : text.slice(0, newline));
    if (!header) return null;
    const { format } = this.context;
    if (format.suffix !== '') {
      const lines = text.split('\n');
      const headChars = text.length;
      return this.build({
        header,
        line,
        lines,
        headChars,
        tail: null,
        tailChars: 0,
        cutBytes,
      });
    }
    const split = splitMessageText(withoutCrlfText(text).slice(header.captures[0].length));
    return this.record(header, line, text, split, cutBytes);
  }

  private build(pending: Pending): LogRecord {
    const { header, tail } = pending;
    const written = tail ? pending.lines.concat(tail) : pending.lines;
    const lines = withoutCrlfLines(written);
    const firstRest = lines[0]!.slice(header.captures[0].length);
    const body = lines.length === 1 ? [firstRest] : [firstRest, ...lines.slice(1)];
    const raw = written.length === 1 ? written[0]! : written.join('\n');
    const split = splitMessage(body, this.context.format);
    return this.record(header, pending.line, raw, split, pending.cutBytes);
  }

  private record(
    { captures, time }: HeaderMatch,
    line: number,
    raw: string,
    split: SplitMessage,
    truncatedBytes: number,
  ): LogRecord {
    const { slots, extraGroups } = this.context.format;
    let extra: Record<string, string> | null = null;
    if (extraGroups.length > 0) {
      extra = {};
      for (const [name, group] of extraGroups) extra[name] = captures[group]!;
    }
    return {
      time,
      timeText: slots.asctime ? captures[slots.asctime]! : '',
      level: slots.levelname ? captures[slots.levelname]! : '',
      module: slots.module ? captures[slots.module]! : '',
      pid: slots.process ? Number(captures[slots.process]) : null,
      thread: slots.thread ? Number(captures[slots.thread]) : null,
      message: split.message,
      excText: split.excText,
      extra,
      file: this.context.file,
      line,
      raw,
      recovered: split.recovered,
      unparsed: false,
      truncatedBytes,
    };
  }
}

/** A continuation line into the head while it has room, else into the tail window. */
function addLine(pending: Pending, text: string): void {
  if (
    pending.tail === null &&
    pending.lines.length < MAX_RECORD_LINES &&
    pending.headChars + text.length <= MAX_RECORD_BYTES
  ) {
    pending.lines.push(text);
    pending.headChars += text.length + 1;
    return;
  }
  const tail = (pending.tail ??= []);
  tail.push(text);
  pending.tailChars += text.length + 1;
  while (tail.length > TAIL_LINES || (tail.length > 1 && pending.tailChars - text.length > TAIL_BYTES)) {
    const dropped = tail.shift()!;
    pending.tailChars -= dropped.length + 1;
    pending.cutBytes += Buffer.byteLength(dropped) + 1;
  }
}

export function unparsedRecord(text: string, file: string, line: number, truncatedBytes = 0): LogRecord {
  return {
    time: null,
    timeText: '',
    level: '',
    module: '',
    pid: null,
    thread: null,
    message: text,
    excText: '',
    extra: null,
    file,
    line,
    raw: text,
    recovered: false,
    unparsed: true,
    truncatedBytes,
  };
}
