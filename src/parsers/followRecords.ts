import type { LogRecord } from '../core/record.js';
import { asctimeParser } from '../core/asctime.js';
import type { WallClockToEpoch } from '../core/timeZone.js';
import { followFile, type FollowOptions } from '../sources/follow.js';
import type { CompiledFormat } from './pythonFormat.js';
import { RecordAssembler } from './recordAssembler.js';

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
  for await (const event of followFile(path, options)) {
    const out: LogRecord[] = [];
    if (event.kind === 'lines') {
      const assembler = assemblerFor(event.stream ?? event.path, event.path);
      event.lines.forEach((line, i) => assembler.push(line, event.firstLine + i, out));
    } else if (event.kind === 'idle' || event.kind === 'rotated') {
      // Everything pending is complete; dropping the assemblers keeps a days-long follow bounded.
      for (const assembler of assemblers.values()) assembler.flush(out);
      assemblers.clear();
    }
    if (out.length > 0) yield out;
  }
  const out: LogRecord[] = [];
  for (const assembler of assemblers.values()) assembler.flush(out);
  if (out.length > 0) yield out;
}
