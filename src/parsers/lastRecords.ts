import type { LogRecord } from '../core/record.js';
import { countLinesBefore, readLinesBackward } from '../sources/backwardReader.js';
import { RecordAssembler, type AssemblerContext } from './recordAssembler.js';

/**
 * The last `count` records of a file, found by reading backwards until `count` header lines
 * have been seen, then parsing just those lines forwards: the cost depends on `count`, not on
 * the file's size. Line numbers are exact when `lineNumbers` is set (the lines before the
 * first one read are then counted, a memchr-speed scan) and 0 otherwise.
 */
export async function lastRecords(
  path: string,
  count: number,
  context: AssemblerContext,
  lineNumbers: boolean,
): Promise<LogRecord[]> {
  if (count <= 0) return [];
  const probe = new RecordAssembler(context);
  const newestFirst: string[] = [];
  let headers = 0;
  let startOffset = 0;
  for await (const line of readLinesBackward(path)) {
    newestFirst.push(line.text);
    startOffset = line.offset;
    if (probe.isHeader(line.text) && ++headers >= count) break;
  }
  const firstLine = lineNumbers ? (await countLinesBefore(path, startOffset)) + 1 : 0;
  const assembler = new RecordAssembler(context);
  const records: LogRecord[] = [];
  for (let i = newestFirst.length - 1, n = firstLine; i >= 0; i--, n += lineNumbers ? 1 : 0) {
    assembler.push(newestFirst[i]!, n, records);
  }
  assembler.flush(records);
  return records.slice(-count);
}
