import type { LogRecord } from '../../core/record.js';
import { asctimeParser } from '../../core/asctime.js';
import type { WallClockToEpoch } from '../../core/timeZone.js';
import { followFile, type FollowOptions } from '../../sources/follow.js';
import { headerMatcherFor } from '../../parsers/headerMatcher.js';
import type { CompiledFormat } from '../../parsers/pythonFormat.js';
import type { AssemblerContext } from '../../parsers/recordAssembler.js';
import { InjectionCheck } from '../../parsers/injectionCheck.js';
import { everyRecord } from './finders/everyRecord.js';
import { LineCuts, LineWindows } from './lineWindows.js';
import { RecordReader } from './recordReader.js';

/** The record reader of one byte stream, fed the stream's bytes as they are appended. */
interface StreamReader {
  windows: LineWindows<LogRecord[]>;
  /** Its `file` names the records: after a rename, where the drained file went. */
  context: AssemblerContext;
}

/**
 * Records of a followed file as they are written. A record is complete when the next header
 * arrives, or when the file has been quiet for a moment (the follower says idle), so the last
 * traceback is not held back until the next log line.
 */
export async function* followRecords(
  path: string,
  format: CompiledFormat,
  wallClock: WallClockToEpoch,
  options: FollowOptions,
): AsyncGenerator<LogRecord[]> {
  const parseTime = asctimeParser(wallClock);
  const matcher = headerMatcherFor(format, parseTime);
  // One reader per byte stream: after a rename the old file is drained beside the new one,
  // and both may carry the same path, so the follower's stream id tells them apart.
  const readers = new Map<number, StreamReader>();
  const readerFor = (stream: number, file: string, firstLine: number): StreamReader => {
    let reader = readers.get(stream);
    if (!reader) {
      const context: AssemblerContext = { format, parseTime, file };
      const cuts = new LineCuts();
      const records = new RecordReader(context, matcher, everyRecord, cuts);
      records.numberFrom(firstLine);
      reader = { windows: new LineWindows((window, final) => records.read(window, final), cuts), context };
      readers.set(stream, reader);
    }
    reader.context.file = file;
    return reader;
  };
  // Records go out at once, so each is judged against the ones before it only. A stream's check
  // holds one record and outlives idle moments; a rotation drops them.
  const checks = new Map<number, InjectionCheck>();
  const judge = (stream: number, batches: Iterable<LogRecord[]>, out: LogRecord[]): void => {
    let check = checks.get(stream);
    if (!check) {
      check = new InjectionCheck({ suffix: format.suffix, consecutive: true, lookahead: false });
      checks.set(stream, check);
    }
    for (const records of batches) for (const record of records) check.push(record, out);
  };
  // Everything pending is complete: the records of complete lines are built, and an
  // unterminated line waits for its rest.
  const pauseAll = (out: LogRecord[]): void => {
    for (const [stream, reader] of readers) judge(stream, reader.windows.pause(), out);
  };
  try {
    for await (const event of followFile(path, options)) {
      const out: LogRecord[] = [];
      if (event.kind === 'bytes') {
        const reader = readerFor(event.stream, event.path, event.firstLine);
        judge(event.stream, reader.windows.push(event.bytes), out);
      } else if (event.kind === 'ended') {
        const reader = readers.get(event.stream);
        if (reader) {
          readers.delete(event.stream);
          judge(event.stream, reader.windows.end(), out);
          reader.windows.release();
        }
      } else if (event.kind === 'idle' || event.kind === 'rotated') {
        pauseAll(out);
        if (event.kind === 'rotated') checks.clear();
      }
      if (out.length > 0) yield out;
    }
    const out: LogRecord[] = [];
    pauseAll(out);
    if (out.length > 0) yield out;
  } finally {
    for (const reader of readers.values()) reader.windows.release();
  }
}
