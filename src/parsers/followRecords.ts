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
  // One assembler per physical file: after a rename the old file is drained beside the new one.
  const assemblers = new Map<string, RecordAssembler>();
  const assemblerFor = (file: string): RecordAssembler => {
    let assembler = assemblers.get(file);
    if (!assembler) {
      assembler = new RecordAssembler({ format, parseTime: asctimeParser(wallClock), file });
      assemblers.set(file, assembler);
    }
    return assembler;
  };
  for await (const event of followFile(path, options)) {
    const out: LogRecord[] = [];
    if (event.kind === 'lines') {
      const assembler = assemblerFor(event.path);
      event.lines.forEach((line, i) => assembler.push(line, event.firstLine + i, out));
    } else if (event.kind === 'idle' || event.kind === 'rotated') {
      for (const assembler of assemblers.values()) assembler.flush(out);
    }
    if (out.length > 0) yield out;
  }
  const out: LogRecord[] = [];
  for (const assembler of assemblers.values()) assembler.flush(out);
  if (out.length > 0) yield out;
}
