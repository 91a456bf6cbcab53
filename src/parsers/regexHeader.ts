import { NEWLINE } from '../core/lineBytes.js';
import { NOT_HEADER } from './headerSteps.js';
import type { CompiledFormat } from './pythonFormat.js';

/** A header line's captures by the format's regex, and its time. */
export interface HeaderMatch {
  /** The regex's match: [0] is the header's text, the groups are the format's attributes (`slots`). */
  captures: RegExpExecArray;
  /** Epoch ms of its asctime; null when the format has none. */
  time: number | null;
}

/**
 * The format's header regex, the one place it is applied: a line starts a record when the whole
 * header matches and its asctime is a real date. Every format has it; it decodes each line it is
 * asked about, and it is what the byte matchers ask about the lines their bytes cannot tell.
 */
export class RegexHeader {
  readonly onBytes = false;
  private readonly header: RegExp;
  private readonly timeGroup: number;

  constructor(
    format: CompiledFormat,
    private readonly parseTime: (text: string) => number | null,
  ) {
    this.header = format.header;
    this.timeGroup = format.slots.asctime;
  }

  headerOf(text: string): HeaderMatch | null {
    const captures = this.header.exec(text);
    if (!captures) return null;
    if (this.timeGroup === 0) return { captures, time: null };
    const time = this.parseTime(captures[this.timeGroup]!);
    return time === null ? null : { captures, time };
  }

  messageStart(bytes: Buffer, at: number): number {
    const end = bytes.indexOf(NEWLINE, at);
    const header = this.headerOf(bytes.toString('utf8', at, end === -1 ? bytes.length : end));
    return header === null ? NOT_HEADER : at + Buffer.byteLength(header.captures[0]);
  }
}
