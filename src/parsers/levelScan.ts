import type { ProblemSink } from '../core/sourceProblem.js';
import { HeaderBytes, NOT_HEADER } from './headerBytes.js';
import { startsWith } from './headerSteps.js';
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
 * records. Lines before a file's first header, and past the line cap of a record read, are
 * still emitted as unparsed records (those past the cap of a skipped record are skipped with it).
 *
 * Only for formats without a JSON-quoted message: every record there would have to be looked at
 * to count recovered ones.
 */
export async function* scanForLevels(
  source: LogSource,
  context: AssemblerContext,
  levels: readonly string[],
  onBytes?: (bytes: number) => void,
  onProblem?: ProblemSink,
): AsyncGenerator<LogRecord[]> {
  const levelLinePrefix = context.format.levelLinePrefix!;
  const prefixes = levels.map(levelLinePrefix);
  const scanner = new LevelScanner(context, prefixes, levelLinePrefix);
  yield* scanLineWindows(source, (window, final) => scanInPieces(scanner, window, final), onBytes, onProblem);
}

class LevelScanner {
  private readonly assembler: RecordAssembler;
  /** '\nERROR ' and so on: a header of a wanted level, preceded by the previous line's end. */
  private readonly needles: Buffer[];
  private readonly starts: Buffer[];
  /** First bytes a header line of any level can begin with ('D', 'I', 'W', 'E', 'C', …). */
  private readonly headerFirstBytes: Set<number>;
  private readonly headerBytes: HeaderBytes | null;
  /**
   * The lines here belong to no record: before a file's first header, or past the line cap of a
   * record read. Each is an unparsed record until the next header, as on the line-by-line path.
   */
  private outsideRecord = true;
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
    const found = this.needles.map(() => -2); // per needle: next hit at or after pos, -1 none, -2 unknown
    let header = -1; // a line start the walk below found to be a header
    while (pos < window.length) {
      if (this.outsideRecord) {
        pos = this.linesOutsideRecords(window, pos, out, lineAt);
        if (pos === window.length) break;
      }
      // The record just read usually ends at a header of a wanted level (errors.log holds no
      // other): then it is the next candidate, without a search, and known to be a header.
      const start = this.wantedAt(window, pos) ? pos : this.nextCandidate(window, pos, found);
      if (start === -1) break;
      const headerEnd = lineEnd(window, start);
      if (start !== header && !this.isHeaderAt(window, start, headerEnd)) {
        pos = headerEnd + 1;
        continue;
      }
      // Continuation lines are only decoded when their first byte could begin a header.
      let next = headerEnd + 1;
      let count = 1;
      while (next < window.length && count < MAX_RECORD_LINES) {
        const end = lineEnd(window, next);
        if (this.headerFirstBytes.has(window[next]!) && this.isHeaderAt(window, next, end)) {
          header = next;
          break;
        }
        next = end + 1;
        count++; // capped as on the line-by-line path: the lines past it are unparsed records
      }
      if (next >= window.length && !final) {
        lineAt(start);
        return start; // the record may go on in the next chunk
      }
      const first = lineAt(start);
      const text = window.toString('utf8', start, next > window.length ? window.length : next - 1);
      out.push(this.assembler.recordFromText(text, first)!);
      this.outsideRecord = count === MAX_RECORD_LINES && next < window.length && next !== header;
      pos = next;
      // The walk counted the record's lines: no second search for their newlines.
      counted = Math.min(next, window.length);
      this.line = first + count;
    }
    lineAt(window.length);
    return window.length;
  }

  /** Whether the line [start, end) starts a record: on its bytes when the format allows (headerBytes.ts). */
  private isHeaderAt(window: Buffer, start: number, end: number): boolean {
    if (this.headerBytes) return this.headerBytes.messageStart(window, start) !== NOT_HEADER;
    return this.assembler.isHeader(window.toString('utf8', start, end));
  }

  /** Lines from `pos` up to the next header (returned), as unparsed records; they are rare. */
  private linesOutsideRecords(
    window: Buffer,
    pos: number,
    out: LogRecord[],
    lineAt: (o: number) => number,
  ): number {
    while (pos < window.length) {
      const end = lineEnd(window, pos);
      const text = window.toString('utf8', pos, end);
      if (this.assembler.isHeader(text)) {
        this.outsideRecord = false;
        return pos;
      }
      this.assembler.push(text, lineAt(pos), out);
      pos = end + 1;
    }
    return window.length;
  }

  /** Whether the line at `pos` begins like a wanted header. */
  private wantedAt(window: Buffer, pos: number): boolean {
    for (const start of this.starts) if (startsWith(window, pos, start)) return true;
    return false;
  }

  /** The first line start at or after `pos` that begins like a wanted header; -1 when none. */
  private nextCandidate(window: Buffer, pos: number, found: number[]): number {
    let best = -1;
    for (let i = 0; i < this.needles.length; i++) {
      let at = found[i]!;
      if (at === -2 || (at !== -1 && at < pos)) {
        // The line at `pos` itself was tried (wantedAt): the next one starts after a newline.
        const hit = window.indexOf(this.needles[i]!, Math.max(0, pos - 1));
        at = hit === -1 ? -1 : hit + 1;
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
