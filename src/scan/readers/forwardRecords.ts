import type { KeywordValues } from '../../core/keywordValues.js';
import type { LogRecord } from '../../core/record.js';
import type { ProblemSink } from '../../core/sourceProblem.js';
import { headerMatcherFor, type HeaderMatcher } from '../../parsers/headerMatcher.js';
import type { AssemblerContext } from '../../parsers/recordAssembler.js';
import { readChunks, type LogSource } from '../../sources/logSource.js';
import type { CandidateFinder } from './finders/candidateFinder.js';
import { LineCuts, scanLineWindows } from './lineWindows.js';
import { RecordReader } from './recordReader.js';
import { ValueLane } from './valueLane.js';

export interface ForwardOptions {
  onBytes?: (bytes: number) => void;
  onProblem?: ProblemSink;
  /** The source's chunks when some were read already (format detection on stdin); else it is read here. */
  chunks?: AsyncIterable<Buffer>;
  /** Values may be pushed here instead of records built (the value lane, for a literal finder). */
  values?: KeywordValues;
  /** Start at this header line of a plain file (a time seek), numbering lines from its number. */
  from?: { offset: number; line: number };
  /** False: nothing shows the records' line numbers, which are then not counted (RecordReader.uncounted). */
  lineNumbers?: boolean;
}

/** The records a finder points at in a source read from its start (a file, a .gz, stdin). */
export async function* recordsForward(
  source: LogSource,
  context: AssemblerContext,
  finder: CandidateFinder,
  options: ForwardOptions = {},
): AsyncGenerator<LogRecord[]> {
  const cuts = new LineCuts();
  const matcher = headerMatcherFor(context.format, context.parseTime);
  const lane =
    options.values && !options.from ? valueLaneFor(source, context, matcher, options.values) : undefined;
  const reader = new RecordReader(context, matcher, finder, cuts, lane);
  if (options.from) reader.numberFrom(options.from.line);
  if (options.lineNumbers === false) reader.uncounted();
  const chunks =
    options.chunks ?? readChunks(source, options.onBytes, options.onProblem, options.from?.offset);
  yield* scanLineWindows(chunks, (window, final) => reader.read(window, final), cuts);
}

/**
 * The value lane, for plain files of a format whose headers are matched on bytes and whose
 * message ends its line (no suffix): the lane counts lines again from disk when it steps aside.
 */
function valueLaneFor(
  source: LogSource,
  context: AssemblerContext,
  matcher: HeaderMatcher,
  values: KeywordValues,
): ValueLane | undefined {
  if (source.gzip || source.stdin || context.format.suffix !== '' || !matcher.onBytes) return undefined;
  return new ValueLane(source.path, matcher, values);
}
