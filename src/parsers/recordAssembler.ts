import type { LogRecord } from '../core/record.js';
import type { CompiledFormat } from './pythonFormat.js';
import { splitMessage, splitMessageText, type SplitMessage } from './messageSplitter.js';

export interface AssemblerContext {
  format: CompiledFormat;
  /** asctime text → epoch ms, or null when the date is not a valid one. */
  parseTime: (text: string) => number | null;
  /** File name reported in every record. */
  file: string;
}

/** Cap on one record's continuation lines: a wrong --format must not buffer a whole file. */
export const MAX_RECORD_LINES = 10_000;

interface Pending {
  header: RegExpExecArray;
  time: number | null;
  line: number;
  lines: string[];
}

/**
 * Joins physical lines into records. A line starts a record only when the whole header matches
 * and its timestamp is a real date; anything else continues the record before it, so traceback
 * lines and message lines that begin with "ERROR" or "Traceback" stay where they belong.
 * Lines before the first header become records flagged `unparsed`, one per line, never dropped.
 */
export class RecordAssembler {
  private pending: Pending | null = null;
  private readonly timeGroup: number;

  constructor(private readonly context: AssemblerContext) {
    this.timeGroup = context.format.slots.asctime;
  }

  /** Feeds one line; appends any record it completed to `out`. */
  push(text: string, lineNumber: number, out: LogRecord[]): void {
    const header = this.matchHeader(text);
    if (header) {
      this.flush(out);
      this.pending = { header: header.match, time: header.time, line: lineNumber, lines: [text] };
      return;
    }
    const pending = this.pending;
    if (pending && pending.lines.length < MAX_RECORD_LINES) {
      pending.lines.push(text);
      return;
    }
    this.flush(out);
    out.push(unparsedRecord(text, this.context.file, lineNumber));
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

  /** Whether a line would start a new record. */
  isHeader(text: string): boolean {
    return this.matchHeader(text) !== null;
  }

  /** Where the message starts in a line that starts a record (UTF-16 units), or -1. */
  headerLength(text: string): number {
    return this.matchHeader(text)?.match[0].length ?? -1;
  }

  private matchHeader(text: string): { match: RegExpExecArray; time: number | null } | null {
    const match = this.context.format.header.exec(text);
    if (!match) return null;
    if (this.timeGroup === 0) return { match, time: null };
    const time = this.context.parseTime(match[this.timeGroup]!);
    return time === null ? null : { match, time };
  }

  /**
   * A whole record found by a scan that already knows where it ends: `text` is its header line
   * and continuation lines. Splits the text once instead of line by line; null when the first
   * line is not a header after all.
   */
  recordFromText(text: string, line: number): LogRecord | null {
    const newline = text.indexOf('\n');
    const header = this.matchHeader(newline === -1 ? text : text.slice(0, newline));
    if (!header) return null;
    const { format } = this.context;
    if (format.suffix !== '')
      return this.build({ header: header.match, time: header.time, line, lines: text.split('\n') });
    return this.record(
      header.match,
      header.time,
      line,
      text,
      splitMessageText(text.slice(header.match[0].length)),
    );
  }

  private build(pending: Pending): LogRecord {
    const { header, lines } = pending;
    const firstRest = lines[0]!.slice(header[0].length);
    const body = lines.length === 1 ? [firstRest] : [firstRest, ...lines.slice(1)];
    const raw = lines.length === 1 ? lines[0]! : lines.join('\n');
    return this.record(header, pending.time, pending.line, raw, splitMessage(body, this.context.format));
  }

  private record(
    header: RegExpExecArray,
    time: number | null,
    line: number,
    raw: string,
    split: SplitMessage,
  ): LogRecord {
    const { slots, extraGroups } = this.context.format;
    let extra: Record<string, string> | null = null;
    if (extraGroups.length > 0) {
      extra = {};
      for (const [name, group] of extraGroups) extra[name] = header[group]!;
    }
    return {
      time,
      timeText: slots.asctime ? header[slots.asctime]! : '',
      level: slots.levelname ? header[slots.levelname]! : '',
      module: slots.module ? header[slots.module]! : '',
      pid: slots.process ? Number(header[slots.process]) : null,
      thread: slots.thread ? Number(header[slots.thread]) : null,
      message: split.message,
      excText: split.excText,
      extra,
      file: this.context.file,
      line,
      raw,
      recovered: split.recovered,
      unparsed: false,
    };
  }
}

export function unparsedRecord(text: string, file: string, line: number): LogRecord {
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
  };
}
