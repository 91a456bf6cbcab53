import type { LogRecord } from '../../core/record.js';
import type { LineBatch } from '../../sources/lineSplitter.js';
import { RecordAssembler, type AssemblerContext } from '../../parsers/recordAssembler.js';

/** Turns batches of lines into batches of records (the last record waits for the next header). */
export async function* recordsFromLines(
  batches: AsyncIterable<LineBatch>,
  context: AssemblerContext,
): AsyncGenerator<LogRecord[]> {
  const assembler = new RecordAssembler(context);
  for await (const { lines, firstLine, cutBytes } of batches) {
    const out: LogRecord[] = [];
    if (cutBytes)
      for (let i = 0; i < lines.length; i++) assembler.push(lines[i]!, firstLine + i, out, cutBytes.get(i));
    else for (let i = 0; i < lines.length; i++) assembler.push(lines[i]!, firstLine + i, out);
    if (out.length > 0) yield out;
  }
  const out: LogRecord[] = [];
  assembler.flush(out);
  if (out.length > 0) yield out;
}
