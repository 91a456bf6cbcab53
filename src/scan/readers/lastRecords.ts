import type { FileHandle } from 'node:fs/promises';
import type { LogRecord } from '../../core/record.js';
import { NEWLINE } from '../../core/lineBytes.js';
import { headerMatcherFor } from '../../parsers/headerMatcher.js';
import type { AssemblerContext } from '../../parsers/recordAssembler.js';
import { InjectionCheck } from '../../parsers/injectionCheck.js';
import { newlinesBefore, newlinesIn } from '../../sources/lineCount.js';
import { openRegular } from '../../sources/regularFile.js';
import { everyHeader } from './finders/everyHeader.js';
import { LineCuts, scanLineWindows } from './lineWindows.js';
import { RecordReader } from './recordReader.js';
import { MAX_BLOCK_BYTES, RegionsBackward, type Region } from './regionsBackward.js';
import { ORDER_SLACK_MS } from './timeOrder.js';

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
 * The last matching records of a file, found by reading it backwards: regions from its end
 * (regionsBackward.ts) are each read forwards by the one record reader, and their records are
 * tested newest first. The cost depends on how far back the matches are, not on the file's size.
 */
export async function scanBackward(
  path: string,
  size: number,
  context: AssemblerContext,
  options: TailScanOptions,
): Promise<TailScan> {
  const file = await openRegular(path);
  let scan: RegionScan;
  try {
    scan = await scanRegions(file, size, context, options);
  } finally {
    await file.close();
  }
  const { newestFirst, reachedOlder, resumeOffset, earliest, linesAfter } = scan;
  if (!options.lineNumbers) {
    for (const record of newestFirst) record.line = 0;
    return { newestFirst, reachedOlder, resumeOffset, resumeLine: 0 };
  }
  const totalLines = newlinesBefore(path, earliest) + linesAfter;
  // Until now a record's line counted from the end (1: the last line read).
  for (const record of newestFirst) record.line = totalLines - record.line + 1;
  return { newestFirst, reachedOlder, resumeOffset, resumeLine: totalLines + 1 };
}

interface RegionScan {
  newestFirst: LogRecord[];
  reachedOlder: boolean;
  resumeOffset: number;
  /** The start of the oldest region read, and how many lines lie from there to the end read. */
  earliest: number;
  linesAfter: number;
}

async function scanRegions(
  file: FileHandle,
  size: number,
  context: AssemblerContext,
  options: TailScanOptions,
): Promise<RegionScan> {
  const matcher = headerMatcherFor(context.format, context.parseTime);
  const regions = new RegionsBackward(file, matcher);
  const unterminated = size > 0 && (await lastByte(file, size)) !== NEWLINE;
  let end = size;
  if (unterminated && options.completeLinesOnly) end = (await regions.lineStartBefore(size)) ?? size;
  const scan: RegionScan = {
    newestFirst: [],
    reachedOlder: false,
    resumeOffset: end,
    earliest: end,
    linesAfter: 0,
  };
  if (options.count === 0) return scan;
  const cuts = new LineCuts();
  const reader = new RecordReader(context, matcher, everyHeader, cuts);
  // Each record is judged once the one before it in the file is read, so it is tested one later.
  const check = new InjectionCheck({
    suffix: context.format.suffix,
    consecutive: true,
    lookahead: true,
    backward: true,
  });
  const judged: LogRecord[] = [];
  // Once enough are found the rest is not seen (nor counted): read only to judge the last one wanted.
  const accept = (): void => {
    for (const record of judged) {
      if (scan.newestFirst.length >= options.count) break;
      if (options.accept(record)) scan.newestFirst.push(record);
    }
    judged.length = 0;
  };
  let enough = false;
  while (!enough && !scan.reachedOlder) {
    const region = await regions.before(scan.earliest);
    if (!region) break;
    const { records, lines } = await readRegion(
      file,
      region,
      reader,
      cuts,
      unterminated && region.end === size,
    );
    scan.linesAfter += lines;
    scan.earliest = region.start;
    for (let i = records.length - 1; i >= 0; i--) {
      const record = records[i]!;
      record.line = scan.linesAfter - record.line + 1;
      check.push(record, judged);
      accept();
      if (scan.newestFirst.length >= options.count) {
        enough = true;
        break;
      }
      const { time } = record;
      if (options.stopBefore !== undefined && time !== null && time < options.stopBefore - ORDER_SLACK_MS) {
        scan.reachedOlder = true;
        break;
      }
    }
  }
  check.flush(judged);
  accept();
  return scan;
}

/** A region's records in file order, numbered from its first line, and how many lines it has. */
async function readRegion(
  file: FileHandle,
  region: Region,
  reader: RecordReader,
  cuts: LineCuts,
  endsUnterminated: boolean,
): Promise<{ records: LogRecord[]; lines: number }> {
  reader.restart();
  const records: LogRecord[] = [];
  let lines = endsUnterminated ? 1 : 0;
  const counted = async function* (chunks: AsyncIterable<Buffer> | Buffer[]): AsyncGenerator<Buffer> {
    for await (const chunk of chunks) {
      lines += newlinesIn(chunk, 0, chunk.length);
      yield chunk;
    }
  };
  const chunks = region.bytes ? [region.bytes] : regionChunks(file, region);
  for await (const batch of scanLineWindows(counted(chunks), (w, final) => reader.read(w, final), cuts))
    records.push(...batch);
  return { records, lines };
}

/** A region's bytes read again, in blocks; a file that shrank ends it early. */
async function* regionChunks(file: FileHandle, region: Region): AsyncGenerator<Buffer> {
  const buffer = Buffer.allocUnsafe(MAX_BLOCK_BYTES);
  for (let position = region.start; position < region.end;) {
    const length = Math.min(buffer.length, region.end - position);
    const { bytesRead } = await file.read(buffer, 0, length, position);
    if (bytesRead === 0) return;
    position += bytesRead;
    yield buffer.subarray(0, bytesRead);
  }
}

async function lastByte(file: FileHandle, size: number): Promise<number | undefined> {
  const byte = Buffer.alloc(1);
  const { bytesRead } = await file.read(byte, 0, 1, size - 1);
  return bytesRead === 1 ? byte[0] : undefined;
}
