import { statSync } from 'node:fs';
import type { KeywordValues } from '../../core/keywordValues.js';
import type { LogRecord } from '../../core/record.js';
import { asctimeParser } from '../../core/asctime.js';
import type { WallClockToEpoch } from '../../core/timeZone.js';
import { FAMILIES } from '../../core/families.js';
import { UnreadableSource, type ProblemSink } from '../../core/sourceProblem.js';
import { readChunks, sourceFor, type LogSource } from '../../sources/logSource.js';
import type { LogInput } from '../../sources/resolveInputs.js';
import { formatFor } from '../../parsers/formats.js';
import { detectFormat } from './detectFormat.js';
import type { CompiledFormat } from '../../parsers/pythonFormat.js';
import { everyRecord } from './finders/everyRecord.js';
import { recordsForward } from './forwardRecords.js';
import { LevelFinder } from './finders/levelFinder.js';
import { LiteralFinder } from './finders/literalFinder.js';
import { ModuleFinder, moduleTextOf } from './finders/moduleFinder.js';
import { requiredLiterals } from '../../operators/regexLiterals.js';
import { InjectionCheck } from '../../parsers/injectionCheck.js';
import { headerMatcherFor } from '../../parsers/headerMatcher.js';
import type { AssemblerContext } from '../../parsers/recordAssembler.js';
import { ORDER_SLACK_MS } from './timeOrder.js';
import { firstRecordTime, windowStart, type TimeWindow, type WindowStart } from './timeSeek.js';

export interface ParseOptions {
  /** --format: one format for every input. */
  formatOverride?: string;
  wallClock: WallClockToEpoch;
  onBytes?: (bytes: number) => void;
  /** Called when a source starts, for progress display. */
  onSource?: (source: LogSource) => void;
  /**
   * Only records of these levels are wanted (others may be skipped unread). A hint: the
   * caller still applies its full filter.
   */
  levels?: readonly string[];
  /** Only records of these modules are wanted (others may be skipped unread). A hint, like `levels`. */
  modules?: readonly string[];
  /**
   * Only records whose text contains this are wanted (others may be skipped unread). A hint,
   * like `levels`: records without it may still come.
   */
  keyword?: string;
  /** With `keyword`: values may be pushed here instead of records built (the value lane). */
  keywordValues?: KeywordValues;
  /**
   * The --grep regex (source and -i): only records with a literal it requires in their text are
   * wanted (others may be skipped unread). A hint, like `levels`.
   */
  grep?: { readonly source: string; readonly ignoreCase: boolean };
  /**
   * Told of each file that could not be read whole (not a regular file, unreadable, a damaged
   * .gz): the records read before the failure stand and the input's other files are read. Without
   * it the failure ends the scan (an UnreadableSource).
   */
  onProblem?: ProblemSink;
  /**
   * --since/--until, for reads that may skip what lies outside (a scan filters by time anyway):
   * a plain file is read from a seek to the window, and a file or .gz stops past its end.
   */
  window?: TimeWindow;
  /** False: nothing shows the records' line numbers, which are then not counted (a seek's start may be line 1). */
  lineNumbers?: boolean;
}

/** The formats tried, in order, on a file or stdin whose family is unknown. */
function candidateFormats(): CompiledFormat[] {
  return [...new Set(Object.values(FAMILIES).map((f) => f.format))].map(formatFor);
}

/** Every record of an input, its files read oldest to newest as one stream. */
export async function* recordsOfInput(input: LogInput, options: ParseOptions): AsyncGenerator<LogRecord[]> {
  for (const [index, source] of input.sources.entries()) {
    options.onSource?.(source);
    const { onBytes, onProblem } = options;
    let chunks: AsyncIterable<Buffer> | undefined;
    let format: CompiledFormat;
    const once = source.stdin || isNamedPipe(source);
    if (once && options.formatOverride === undefined && input.format === undefined) {
      // stdin or a pipe cannot be read twice: the chunks looked at are read again ahead of the rest.
      const read = readChunks(source, onBytes, onProblem);
      const detected = await detectFormat(read, candidateFormats());
      format = detected.format;
      chunks = replay(detected.seen, read);
    } else {
      format = await formatOfInput(input, source.path, options.formatOverride);
    }
    const context = { format, parseTime: asctimeParser(options.wallClock), file: source.path };
    const window = once || format.slots.asctime === 0 ? undefined : options.window;
    const newer = input.sources.slice(index + 1);
    // A .gz cannot seek: it is skipped when a newer plain file starts before the window.
    if (window?.since !== undefined && source.gzip && olderThan(newer, context, window.since)) continue;
    const from =
      window && !source.gzip ? seekInFile(source, context, window, options.lineNumbers) : undefined;
    if (from === 'after') break; // neither this file nor a newer one holds a record of the window
    if (from === 'before') continue;
    const { levels, keyword } = options;
    const byteScan = !once && format.levelLinePrefix !== null && !format.jsonQuotedMessage;
    const grepFinder = byteScan && !keyword ? grepLiteralFinder(options.grep) : null;
    const moduleText = moduleTextOf(format.headerPieces);
    const modules = byteScan && moduleText && options.modules?.length ? options.modules : undefined;
    const forward = { onBytes, onProblem, from, lineNumbers: options.lineNumbers };
    let records: AsyncIterable<LogRecord[]>;
    if (keyword && byteScan) {
      const values = options.keywordValues;
      records = recordsForward(source, context, new LiteralFinder(keyword), { ...forward, values });
    } else if (grepFinder) {
      records = recordsForward(source, context, grepFinder, forward);
    } else if (levels && byteScan) {
      const finder = new LevelFinder(levels, format.levelLinePrefix!);
      records = recordsForward(source, context, finder, forward);
    } else if (modules) {
      const finder = new ModuleFinder(modules, moduleText!);
      records = recordsForward(source, context, finder, forward);
    } else {
      records = recordsForward(source, context, everyRecord, { ...forward, chunks });
    }
    // The byte scans skip records: the ones read are compared with the nearest ones read.
    const consecutive = !((keyword || levels || grepFinder || modules) && byteScan);
    // Judged here, not in a wrapping generator: an extra async hop per batch costs more than the check.
    const check = new InjectionCheck({ suffix: format.suffix, consecutive, lookahead: true });
    const stopAt = window?.until === undefined ? Infinity : window.until + ORDER_SLACK_MS;
    let passed = false;
    for await (const batch of records) {
      let judged = check.judged(batch);
      const past = stopAt === Infinity ? -1 : firstPast(judged, stopAt);
      if (past !== -1) {
        // Records are written at most ORDER_SLACK_MS out of order: none after this one is in the window.
        judged = judged.slice(0, past);
        passed = true;
      }
      if (judged.length > 0) yield judged;
      if (passed) break;
    }
    if (passed) break;
    const rest = check.judged([], true);
    if (rest.length > 0) yield rest;
  }
}

/** Where a forward read of a plain file for a time window starts; undefined: at its start (or the read reports the file). */
function seekInFile(
  source: LogSource,
  context: AssemblerContext,
  window: TimeWindow,
  lineNumbers = true,
): WindowStart | undefined {
  try {
    const matcher = headerMatcherFor(context.format, context.parseTime);
    const start = windowStart(source.path, matcher, window, lineNumbers);
    return typeof start === 'string' || start.offset > 0 ? start : undefined;
  } catch (error) {
    if (error instanceof UnreadableSource || (error as NodeJS.ErrnoException).syscall) return undefined;
    throw error;
  }
}

/** Whether the nearest plain file among `newer` (oldest first) starts more than the slack before `since`. */
function olderThan(newer: readonly LogSource[], context: AssemblerContext, since: number): boolean {
  const plain = newer.find((s) => !s.gzip && !s.stdin && !isNamedPipe(s));
  if (!plain) return false;
  const first = firstRecordTime(plain.path, headerMatcherFor(context.format, context.parseTime));
  return first !== null && first < since - ORDER_SLACK_MS;
}

/** The first record trusted to be this new (not judged forged), whose time ends a forward read; -1 if none. */
function firstPast(records: readonly LogRecord[], stopAt: number): number {
  for (let i = 0; i < records.length; i++) {
    const { time, suspect } = records[i]!;
    if (time !== null && time >= stopAt && suspect === undefined) return i;
  }
  return -1;
}

/**
 * A literal finder for the literals every match of the --grep regex contains, or null when it
 * requires none (then every record is read, as the regex may match any).
 */
function grepLiteralFinder(grep: ParseOptions['grep']): LiteralFinder | null {
  const literals = grep && requiredLiterals(grep.source);
  return literals ? new LiteralFinder(literals, grep.ignoreCase) : null;
}

/** A path the user named that is not a regular file: `<(zcat app.log.3.gz)`, a FIFO. */
function isNamedPipe(source: LogSource): boolean {
  if (!source.named) return false;
  try {
    return !statSync(source.path).isFile();
  } catch {
    return false; // the read reports it
  }
}

async function* replay<T>(seen: T[], rest: AsyncGenerator<T>): AsyncGenerator<T> {
  try {
    yield* seen;
    yield* rest;
  } finally {
    // A reader that stops within `seen` never reached `rest`: end it too, or stdin stays open.
    await rest.return(undefined);
  }
}

/** The format of an input's file, detected from its first lines when it has no family. */
export async function formatOfInput(
  input: LogInput,
  path: string,
  formatOverride?: string,
): Promise<CompiledFormat> {
  const fixed = formatOverride ?? input.format;
  if (fixed !== undefined) return formatFor(fixed);
  // Only a file the user named has no family format. What cannot be read is the scan's to report.
  const chunks = readChunks(sourceFor(path, true), undefined, () => undefined);
  try {
    return (await detectFormat(chunks, candidateFormats())).format;
  } finally {
    await chunks.return(undefined);
  }
}
