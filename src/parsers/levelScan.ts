import { HeaderBytes, NOT_HEADER } from './headerBytes.js';
import type { LogRecord } from '../core/record.js';
import type { LogSource } from '../sources/logSource.js';
import { scanLineWindows } from '../sources/lineWindows.js';
import { MAX_RECORD_LINES, RecordAssembler, type AssemblerContext } from './recordAssembler.js';
import { scanInPieces } from './windowPieces.js';

const NEWLINE = 0x0a;
/** Every level name the header pattern accepts ('Level 5' for custom levels). */
const ANY_LEVEL = ['DEBUG', 'INFO', 'WARNING', 'ERROR', 'CRITICAL', 'WARN', 'FATAL', 'NOTSET', 'Level'];

/**
 * Records of the wanted levels, found by searching the raw bytes for the text their header
 * lines start with ('\nERROR ') instead of decoding and parsing every line: on app.log most
 * records are INFO, and skipping them undecoded is what makes `--level ERROR` fast (STYLE habit
 * 6). A candidate is confirmed with the full header check, and its continuation lines are
 * collected until the next header, exactly as the line-by-line path does, so both give the same
 * records. Lines before a file's first header are still emitted as unparsed records.
 *
 * Only for formats without a JSON-quoted message: every record there would have to be looked at
 * to count recovered ones.
 */
export async function* scanForLevels(
  source: LogSource,
  context: AssemblerContext,
  levels: readonly string[],
  onBytes?: (bytes: number) => void,
): AsyncGenerator<LogRecord[]> {
  const levelLinePrefix = context.format.levelLinePrefix!;
  const prefixes = levels.map(levelLinePrefix);
  const scanner = new LevelScanner(context, prefixes, levelLinePrefix);
  yield* scanLineWindows(
    source,
    (window, final) => scanInPieces(scanner, window, window.length, final),
    onBytes,
  );
}

class LevelScanner {
  private readonly assembler: RecordAssembler;
  /** '\nERROR ' and so on: a header of a wanted level, preceded by the previous line's end. */
  private readonly needles: Buffer[];
  private readonly starts: Buffer[];
  /** First bytes a header line of any level can begin with ('D', 'I', 'W', 'E', 'C', …). */
  private readonly headerFirstBytes: Set<number>;
  private readonly headerBytes: HeaderBytes | null;
  private seenHeader = false;
  /** Line number of the first line of the next window. */
  private line = 1;

  constructor(
    context: AssemblerContext,
    prefixes: readonly string[],
    levelLinePrefix: (level: string) => string,
  ) {
    this.assembler = new RecordAssembler(context);
    this.headerBytes = HeaderBytes.compile(context.format, context.parseTime);
    this.starts = prefixes.map((p) => Buffer.from(p, 'utf8'));
    this.needles = prefixes.map((p) => Buffer.from('\n' + p, 'utf8'));
    this.headerFirstBytes = new Set(
      ANY_LEVEL.map((level) => Buffer.from(levelLinePrefix(level), 'utf8')[0]!),
    );
  }

  /**
   * Scans a window of whole lines and returns how much of it was consumed: a record that may go
   * on in the next chunk is left for the next window (unless `final`).
   */
  scan(window: Buffer, final: boolean, out: LogRecord[]): number {
    let pos = 0;
    let counted = 0; // newlines before `counted` are already in this.line
    const lineAt = (offset: number): number => {
      for (
        let i = window.indexOf(NEWLINE, counted);
        i !== -1 && i < offset;
        i = window.indexOf(NEWLINE, i + 1)
      ) {
        this.line++;
      }
      counted = offset;
      return this.line;
    };
    if (!this.seenHeader) pos = this.leadingLines(window, final, out, lineAt);
    const found = this.needles.map(() => -2); // per needle: next hit at or after pos, -1 none, -2 unknown
    while (pos < window.length) {
      const start = this.nextCandidate(window, pos, found);
      if (start === -1) break;
      const headerEnd = lineEnd(window, start);
      if (!this.isHeaderAt(window, start, headerEnd)) {
        pos = headerEnd + 1;
        continue;
      }
      // Continuation lines are only decoded when their first byte could begin a header.
      let next = headerEnd + 1;
      let count = 1;
      while (next < window.length && count < MAX_RECORD_LINES) {
        const end = lineEnd(window, next);
        if (this.headerFirstBytes.has(window[next]!) && this.isHeaderAt(window, next, end)) break;
        next = end + 1;
        count++; // capped as on the line-by-line path; the rest is skipped undecoded
      }
      if (next >= window.length && !final) {
        lineAt(start);
        return start; // the record may go on in the next chunk
      }
      const first = lineAt(start);
      const text = window.toString('utf8', start, next > window.length ? window.length : next - 1);
      out.push(this.assembler.recordFromText(text, first)!);
      pos = next;
    }
    lineAt(window.length);
    return window.length;
  }

  /** Whether the line [start, end) starts a record: on its bytes when the format allows (headerBytes.ts). */
  private isHeaderAt(window: Buffer, start: number, end: number): boolean {
    if (this.headerBytes) return this.headerBytes.messageStart(window, start) !== NOT_HEADER;
    return this.assembler.isHeader(window.toString('utf8', start, end));
  }

  /** Lines before a file's first header: unparsed records, as on the line-by-line path. */
  private leadingLines(
    window: Buffer,
    final: boolean,
    out: LogRecord[],
    lineAt: (o: number) => number,
  ): number {
    let pos = 0;
    while (pos < window.length) {
      const end = lineEnd(window, pos);
      const text = window.toString('utf8', pos, end);
      if (this.assembler.isHeader(text)) {
        this.seenHeader = true;
        return pos;
      }
      this.assembler.push(text, lineAt(pos), out);
      pos = end + 1;
    }
    if (final) this.seenHeader = true;
    return pos;
  }

  /** The first line start at or after `pos` that begins like a wanted header; -1 when none. */
  private nextCandidate(window: Buffer, pos: number, found: number[]): number {
    let best = -1;
    for (let i = 0; i < this.needles.length; i++) {
      let at = found[i]!;
      if (at === -2 || (at !== -1 && at < pos)) {
        if (pos === 0 && startsWith(window, this.starts[i]!)) at = 0;
        else {
          const hit = window.indexOf(this.needles[i]!, Math.max(0, pos - 1));
          at = hit === -1 ? -1 : hit + 1;
        }
        found[i] = at;
      }
      if (at !== -1 && (best === -1 || at < best)) best = at;
    }
    return best;
  }
}

function lineEnd(window: Buffer, from: number): number {
  const end = window.indexOf(NEWLINE, from);
  return end === -1 ? window.length : end;
}

function startsWith(buffer: Buffer, prefix: Buffer): boolean {
  return buffer.length >= prefix.length && buffer.compare(prefix, 0, prefix.length, 0, prefix.length) === 0;
}
