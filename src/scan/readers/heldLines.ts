import type { LogRecord } from '../../core/record.js';
import { MAX_RECORD_BYTES, MAX_RECORD_LINES, TAIL_BYTES, TAIL_LINES } from '../../core/recordLimits.js';
import type { RecordAssembler } from '../../parsers/recordAssembler.js';

export interface HeldLine {
  text: string;
  fromEnd: number;
  /** Bytes the reader cut from the line. */
  cutBytes: number;
}

/**
 * Continuation lines met while reading a file backwards, before their header: bounded as the
 * assembler bounds a record, so a record of a million lines read from its end costs no more
 * memory than one read forwards. The first lines met are the record's last (kept as its tail);
 * of the rest only the oldest are kept, since the record's head is where the header will be.
 */
export class HeldLines {
  private readonly tail: HeldLine[] = [];
  private tailChars = 0;
  /** Newest first; entries before `restStart` are left out. */
  private rest: HeldLine[] = [];
  private restStart = 0;
  private restChars = 0;
  private leftOut = 0;

  get length(): number {
    return this.tail.length + this.rest.length - this.restStart;
  }

  add(line: HeldLine): void {
    if (this.rest.length === 0 && this.tail.length < TAIL_LINES && this.tailChars <= TAIL_BYTES) {
      this.tail.push(line);
      this.tailChars += line.text.length + 1;
      return;
    }
    this.rest.push(line);
    this.restChars += line.text.length + 1;
    while (
      this.rest.length - this.restStart > 1 &&
      (this.rest.length - this.restStart > MAX_RECORD_LINES || this.restChars > MAX_RECORD_BYTES)
    ) {
      const dropped = this.rest[this.restStart++]!;
      this.restChars -= dropped.text.length + 1;
      this.leftOut += Buffer.byteLength(dropped.text) + 1 + dropped.cutBytes;
    }
    if (this.restStart > MAX_RECORD_LINES) {
      this.rest = this.rest.slice(this.restStart);
      this.restStart = 0;
    }
  }

  /** The lines to the assembler in file order (what was left out counted with the tail), then empty. */
  pushTo(assembler: RecordAssembler, out: LogRecord[]): void {
    for (let i = this.rest.length - 1; i >= this.restStart; i--) this.pushOne(assembler, this.rest[i]!, out);
    for (let i = this.tail.length - 1; i >= 0; i--) this.pushOne(assembler, this.tail[i]!, out);
    this.tail.length = 0;
    this.tailChars = 0;
    this.rest = [];
    this.restStart = 0;
    this.restChars = 0;
  }

  private pushOne(assembler: RecordAssembler, line: HeldLine, out: LogRecord[]): void {
    assembler.push(line.text, line.fromEnd, out, line.cutBytes + this.leftOut);
    this.leftOut = 0;
  }
}
