import type { LogRecord } from '../../core/record.js';
import { countLinesBefore, readLinesBackward } from '../../sources/backwardReader.js';
import { RecordAssembler, type AssemblerContext } from '../../parsers/recordAssembler.js';
import { InjectionCheck } from '../../parsers/injectionCheck.js';
import { HeldLines } from './heldLines.js';

export interface TailScanOptions {
  /** How many matching records are wanted. */
  count: number;
  /** Sees every record assembled (for counts of recovered/unparsed) and says whether it matches. */
  accept: (record: LogRecord) => boolean;
  /** Give records exact line numbers (costs a newline count of the unread part of the file). */
  lineNumbers: boolean;
  /** Leave out an unterminated last line: a follower will deliver it once it is complete. */
  completeLinesOnly: boolean;
  /** Stop once records are this much older than --since: nothing before can match. */
  stopBefore?: number;
}

/** Several workers write one file, so its records are only nearly in time order. */
const ORDER_SLACK_MS = 60_000;

export interface TailScan {
  /** Matching records, newest first. */
  newestFirst: LogRecord[];
  /** The scan met records older than `stopBefore`: older files need not be read. */
  reachedOlder: boolean;
  /** Where a follower continues: after the last complete line; its line number (0: not counted). */
  resumeOffset: number;
  resumeLine: number;
}

/**
 * The last matching records of a file, found by reading backwards: a header line completes the
 * record made of it and the lines after it, which is then tested. The cost depends on how far
 * back the matches are, not on the file's size.
 */
export async function scanBackward(
  path: string,
  size: number,
  context: AssemblerContext,
  options: TailScanOptions,
): Promise<TailScan> {
  const assembler = new RecordAssembler(context);
  const newestFirst: LogRecord[] = [];
  const held = new HeldLines(); // continuation lines, newest first
  let fromEnd = 0;
  let earliestOffset = size;
  let resumeOffset = size;
  let reachedOlder = false;
  let enough = false;
  // Each record is judged once the one before it in the file is read, so it is tested one later.
  const check = new InjectionCheck({
    suffix: context.format.suffix,
    consecutive: true,
    lookahead: true,
    backward: true,
  });
  const judged: LogRecord[] = [];
  const accept = (): void => {
    for (const record of judged) if (options.accept(record)) newestFirst.push(record);
    judged.length = 0;
  };
  const complete = (out: LogRecord[]): void => {
    for (let i = out.length - 1; i >= 0; i--) check.push(out[i]!, judged);
    accept();
  };
  if (options.count > 0 || options.completeLinesOnly) {
    for await (const line of readLinesBackward(path, size)) {
      if (!line.terminated && options.completeLinesOnly) {
        resumeOffset = line.offset;
        earliestOffset = line.offset;
        if (options.count === 0) break;
        continue;
      }
      if (options.count === 0) break;
      fromEnd++;
      earliestOffset = line.offset;
      if (!assembler.isHeader(line.text)) {
        held.add({ text: line.text, fromEnd, cutBytes: line.cutBytes });
        continue;
      }
      const out: LogRecord[] = [];
      assembler.push(line.text, fromEnd, out, line.cutBytes);
      held.pushTo(assembler, out);
      assembler.flush(out);
      complete(out);
      if (newestFirst.length >= options.count) {
        enough = true;
        break;
      }
      const time = out[0]?.time ?? null;
      if (options.stopBefore !== undefined && time !== null && time < options.stopBefore - ORDER_SLACK_MS) {
        reachedOlder = true;
        break;
      }
    }
    check.flush(judged);
    // Read only to judge the last one wanted: not seen, as if the scan had stopped before it.
    if (enough) judged.length = 0;
    accept();
    if (held.length > 0 && newestFirst.length < options.count) {
      // Lines before the file's first header: unparsed records, kept.
      const out: LogRecord[] = [];
      held.pushTo(assembler, out);
      complete(out);
      check.flush(judged);
      accept();
    }
  }
  if (!options.lineNumbers) {
    for (const record of newestFirst) record.line = 0;
    return { newestFirst: newestFirst.slice(0, options.count), reachedOlder, resumeOffset, resumeLine: 0 };
  }
  const totalComplete = (await countLinesBefore(path, earliestOffset)) + fromEnd;
  for (const record of newestFirst) record.line = totalComplete - record.line + 1;
  return {
    newestFirst: newestFirst.slice(0, options.count),
    reachedOlder,
    resumeOffset,
    resumeLine: totalComplete + 1,
  };
}
