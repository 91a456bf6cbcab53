import type { LogRecord } from '../../core/record.js';
import { asctimeParser } from '../../core/asctime.js';
import type { WallClockToEpoch } from '../../core/timeZone.js';
import { followFile, type FollowOptions } from '../../sources/follow.js';
import type { CompiledFormat } from '../../parsers/pythonFormat.js';
import { RecordAssembler } from '../../parsers/recordAssembler.js';
import { InjectionCheck } from '../../parsers/injectionCheck.js';

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
  // One assembler per byte stream: after a rename the old file is drained beside the new one,
  // and both may carry the same path, so the follower's stream id tells them apart.
  const assemblers = new Map<number | string, RecordAssembler>();
  const assemblerFor = (stream: number | string, file: string): RecordAssembler => {
    let assembler = assemblers.get(stream);
    if (!assembler) {
      assembler = new RecordAssembler({ format, parseTime: asctimeParser(wallClock), file });
      assemblers.set(stream, assembler);
    }
    return assembler;
  };
  // Records go out at once, so each is judged against the ones before it only. A stream's check
  // holds one record and outlives idle moments; a rotation drops them.
  const checks = new Map<number | string, InjectionCheck>();
  const judge = (stream: number | string, records: readonly LogRecord[], out: LogRecord[]): void => {
    let check = checks.get(stream);
    if (!check) {
      check = new InjectionCheck({ suffix: format.suffix, consecutive: true, lookahead: false });
      checks.set(stream, check);
    }
    for (const record of records) check.push(record, out);
  };
  const flushAll = (out: LogRecord[]): void => {
    for (const [stream, assembler] of assemblers) {
      const done: LogRecord[] = [];
      assembler.flush(done);
      judge(stream, done, out);
    }
  };
  for await (const event of followFile(path, options)) {
    const out: LogRecord[] = [];
    if (event.kind === 'lines') {
      const stream = event.stream ?? event.path;
      const assembler = assemblerFor(stream, event.path);
      const done: LogRecord[] = [];
      event.lines.forEach((line, i) => assembler.push(line, event.firstLine + i, done));
      judge(stream, done, out);
    } else if (event.kind === 'idle' || event.kind === 'rotated') {
      // Everything pending is complete; dropping the assemblers keeps a days-long follow bounded.
      flushAll(out);
      assemblers.clear();
      if (event.kind === 'rotated') checks.clear();
    }
    if (out.length > 0) yield out;
  }
  const out: LogRecord[] = [];
  flushAll(out);
  if (out.length > 0) yield out;
}
