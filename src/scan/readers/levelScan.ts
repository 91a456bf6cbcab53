import type { ProblemSink } from '../../core/sourceProblem.js';
import { headerMatcherFor, NOT_HEADER, type HeaderMatcher } from '../../parsers/headerMatcher.js';
import { headerFirstBytes, startsWith } from '../../parsers/headerSteps.js';
import type { LogRecord } from '../../core/record.js';
import type { LogSource } from '../../sources/logSource.js';
import { LineCuts, scanLineWindows } from './lineWindows.js';
import { MAX_RECORD_BYTES, MAX_RECORD_LINES } from '../../core/recordLimits.js';
import { RecordAssembler, type AssemblerContext } from '../../parsers/recordAssembler.js';
import { scanInPieces } from './windowPieces.js';
import { NEWLINE } from '../../core/lineBytes.js';

/**
 * Records of the wanted levels, found by searching the raw bytes for the text their header
 * lines start with ('\nERROR ') instead of decoding and parsing every line: on app.log most
 * records are INFO, and skipping them undecoded is what makes `--level ERROR` fast (STYLE habit
 * 6). A candidate is confirmed with the full header check, and its continuation lines are
 * collected until the next header, exactly as the line-by-line path does, so both give the same
 * records. Lines before a file's first header are still emitted as unparsed records. A record
 * read that outgrows its caps (recordLimits.ts) is handed to the record assembler line by line,
 * which keeps its head and last lines, so the window never holds more than a capped record.
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
  const cuts = new LineCuts();
  const scanner = new LevelScanner(context, prefixes, levelLinePrefix, cuts);
  yield* scanLineWindows(
    source,
    (window, final) => scanInPieces(scanner, window, final),
    onBytes,
    onProblem,
    cuts,
  );
}

class LevelScanner {
  private readonly assembler: RecordAssembler;
  /** '\nERROR ' and so on: a header of a wanted level, preceded by the previous line's end. */
  private readonly needles: Buffer[];
  private readonly starts: Buffer[];
  /** First bytes a header line of any level can begin with ('D', 'I', 'W', 'E', 'C', …). */
  private readonly headerFirstBytes: Set<number>;
  private readonly headerBytes: HeaderMatcher;
  /**
   * The lines here go to the assembler one by one until the next header: before a file's first
   * header (unparsed records, as on the line-by-line path), or the rest of a record too long to
   * hold in a window.
   */
  private lineByLine = true;
  /** Line number of the first line of the next window. */
  private line = 1;

  constructor(
    context: AssemblerContext,
    prefixes: readonly string[],
    levelLinePrefix: (level: string) => string,
    private readonly cuts: LineCuts,
  ) {
    this.assembler = new RecordAssembler(context);
    this.headerBytes = headerMatcherFor(context.format, context.parseTime);
    this.starts = prefixes.map((p) => Buffer.from(p, 'utf8'));
    this.needles = prefixes.map((p) => Buffer.from('\n' + p, 'utf8'));
    this.headerFirstBytes = headerFirstBytes(levelLinePrefix);
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
      if (this.lineByLine) {
        pos = this.linesToHeader(window, pos, out, lineAt);
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
      let long = false;
      while (next < window.length) {
        if (count >= MAX_RECORD_LINES || next - start > MAX_RECORD_BYTES) {
          long = true;
          break;
        }
        const end = lineEnd(window, next);
        if (this.headerFirstBytes.has(window[next]!) && this.isHeaderAt(window, next, end)) {
          header = next;
          break;
        }
        next = end + 1;
        count++;
      }
      if (long) {
        // The assembler caps it; its lines up to the next header follow one by one.
        this.pushLines(window, start, next, out, lineAt);
        this.lineByLine = true;
        pos = next;
        continue;
      }
      if (next >= window.length && !final) {
        lineAt(start);
        return start; // the record may go on in the next chunk
      }
      const first = lineAt(start);
      const stop = next > window.length ? window.length : next - 1;
      const text = window.toString('utf8', start, stop);
      out.push(this.assembler.recordFromText(text, first, this.cuts.within(window, start, stop))!);
      pos = next;
      // The walk counted the record's lines: no second search for their newlines.
      counted = Math.min(next, window.length);
      this.line = first + count;
    }
    lineAt(window.length);
    if (final) this.assembler.flush(out);
    return window.length;
  }

  /** Whether the line [start, end) starts a record: on its bytes when the format allows (headerBytes.ts). */
  private isHeaderAt(window: Buffer, start: number, end: number): boolean {
    if (this.headerBytes) return this.headerBytes.messageStart(window, start) !== NOT_HEADER;
    return this.assembler.isHeader(window.toString('utf8', start, end));
  }

  /** Lines from `pos` up to the next header (returned) to the assembler; they are rare. */
  private linesToHeader(
    window: Buffer,
    pos: number,
    out: LogRecord[],
    lineAt: (o: number) => number,
  ): number {
    while (pos < window.length) {
      const end = lineEnd(window, pos);
      const text = window.toString('utf8', pos, end);
      if (this.assembler.isHeader(text)) {
        this.assembler.flush(out);
        this.lineByLine = false;
        return pos;
      }
      this.assembler.push(text, lineAt(pos), out, this.cuts.within(window, pos, end));
      pos = end + 1;
    }
    return window.length;
  }

  /** The lines of [start, next) to the assembler, one by one. */
  private pushLines(
    window: Buffer,
    start: number,
    next: number,
    out: LogRecord[],
    lineAt: (o: number) => number,
  ): void {
    for (let pos = start; pos < next;) {
      const end = lineEnd(window, pos);
      const text = window.toString('utf8', pos, end);
      this.assembler.push(text, lineAt(pos), out, this.cuts.within(window, pos, end));
      pos = end + 1;
    }
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
