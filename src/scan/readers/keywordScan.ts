import type { ProblemSink } from '../../core/sourceProblem.js';
import type { LogRecord } from '../../core/record.js';
import type { LogSource } from '../../sources/logSource.js';
import { LineCuts, scanLineWindows } from './lineWindows.js';
import type { KeywordValues } from '../../core/keywordValues.js';
import { headerMatcherFor } from '../../parsers/headerMatcher.js';
import { KeywordScanner } from './keywordScanner.js';
import type { AssemblerContext } from '../../parsers/recordAssembler.js';
import { ValueLane } from './valueLane.js';
import { scanInPieces } from './windowPieces.js';

/**
 * The records whose text contains `keyword` ('processing_time'), found by searching each chunk
 * for the keyword instead of parsing every line (STYLE habit 6): from a hit, the record's header
 * is the nearest header line at or before it and its end the next header line, so only those
 * few lines are decoded and matched. Records without the keyword are skipped unread; lines
 * before a file's first header still come as unparsed records, as on the line-by-line path, so
 * the scan summary is the same. A record past its caps (recordLimits.ts) goes to the record
 * assembler line by line, hit or not, which caps it as on that path.
 *
 * Only for formats whose header lines start with a level name and without a JSON-quoted message
 * (every sms.log record would have to be looked at to count recovered ones).
 *
 * With `values`, the value lane (valueLane.ts) reads plain files first and hands over to this
 * record scan where it cannot read on.
 */
export async function* scanForKeyword(
  source: LogSource,
  context: AssemblerContext,
  keyword: string,
  onBytes?: (bytes: number) => void,
  values?: KeywordValues,
  onProblem?: ProblemSink,
): AsyncGenerator<LogRecord[]> {
  const cuts = new LineCuts();
  const scanner = new KeywordScanner(context, keyword, cuts);
  const lane = values && valueLaneFor(source, context, values);
  yield* scanLineWindows(
    source,
    function* (window, final) {
      if (!lane?.active) return yield* scanInPieces(scanner, window, final);
      const taken = lane.scan(window, final);
      if (lane.active) return taken;
      scanner.resumeAt(lane.resumeLine);
      const rest = window.subarray(taken);
      return taken + (yield* scanInPieces(scanner, rest, final));
    },
    onBytes,
    onProblem,
    cuts,
  );
}

/**
 * The value lane, for plain files of a format the byte header matcher knows whose message ends
 * its line (no suffix): the lane counts lines again from disk when it steps aside.
 */
function valueLaneFor(
  source: LogSource,
  context: AssemblerContext,
  values: KeywordValues,
): ValueLane | undefined {
  if (source.gzip || source.stdin || context.format.suffix !== '') return undefined;
  const header = headerMatcherFor(context.format, context.parseTime);
  return header.onBytes ? new ValueLane(source.path, header, values) : undefined;
}
