import type { CompiledFormat } from './pythonFormat.js';
import { HeaderBytes, NOT_HEADER } from './headerBytes.js';
import { RecordAssembler } from './recordAssembler.js';

export { NOT_HEADER };

/** Whether a line starts a record (a header line), asked of its bytes or of its decoded text. */
export interface HeaderMatcher {
  /** Where the message starts (a byte offset) when the line that starts at `at` is a header, else NOT_HEADER. */
  messageStart(bytes: Buffer, at: number): number;
  /** Whether a decoded line is a header. */
  isHeader(text: string): boolean;
  /** Whether messageStart reads bytes without decoding the line (false: it decodes every line it is asked about). */
  readonly onBytes: boolean;
}

/** The header matcher of a format, its times read by `parseTime` (a header's asctime must be a real date). */
export function headerMatcherFor(
  format: CompiledFormat,
  parseTime: (text: string) => number | null,
): HeaderMatcher {
  const assembler = new RecordAssembler({ format, parseTime, file: '' });
  const bytes = HeaderBytes.compile(format, parseTime);
  const isHeader = (text: string): boolean => assembler.isHeader(text);
  if (bytes) return { messageStart: (b, at) => bytes.messageStart(b, at), isHeader, onBytes: true };
  return {
    messageStart(b, at) {
      const end = b.indexOf(0x0a, at);
      const line = b.toString('utf8', at, end === -1 ? b.length : end);
      const length = assembler.headerLength(line);
      return length < 0 ? NOT_HEADER : at + Buffer.byteLength(line.slice(0, length));
    },
    isHeader,
    onBytes: false,
  };
}
