import { stat } from 'node:fs/promises';
import type { BigIntStats } from 'node:fs';
import { SmsmonError, SourceError, describeFsError } from '../core/errors.js';
import type { LogRecord } from '../core/record.js';
import { asctimeParser } from '../core/asctime.js';
import type { LogInput } from '../sources/resolveInputs.js';
import { formatOfInput, recordsOfInput, type ParseOptions } from './inputRecords.js';
import { scanBackward } from './lastRecords.js';

export interface TailOptions extends ParseOptions {
  count: number;
  accept: (record: LogRecord) => boolean;
  lineNumbers: boolean;
  /** Follow mode: stop before an unterminated last line and say where to resume. */
  follow: boolean;
  /** --since: files whose records are all older are not read. */
  since?: number;
}

export interface InputTail {
  /** Oldest first. */
  records: LogRecord[];
  /** Where a follower of the live file continues, or null when there is nothing to follow. */
  resume: { path: string; offset: number; line: number; fileId?: { dev: bigint; ino: bigint } } | null;
}

/**
 * The last `count` matching records of an input: plain files are read backwards, newest file
 * first, going back through the rotated siblings only while more matches are needed; a .gz
 * file or stdin cannot be read backwards, so it is read forwards keeping the last matches.
 */
export async function tailOfInput(input: LogInput, options: TailOptions): Promise<InputTail> {
  const newestFirst: LogRecord[] = [];
  let resume: InputTail['resume'] = null;
  const newestSource = input.sources.at(-1);
  if (options.follow && input.livePath && newestSource?.path !== input.livePath) {
    resume = { path: input.livePath, offset: 0, line: 1 }; // not there yet: wait for it
  }
  for (let i = input.sources.length - 1; i >= 0; i--) {
    const source = input.sources[i]!;
    const wanted = options.count - newestFirst.length;
    const isLive = source.path === input.livePath && i === input.sources.length - 1;
    if (wanted <= 0 && !(isLive && options.follow)) break;
    if (source.stdin || source.gzip) {
      const last = await lastByReadingForward({ ...input, sources: [source] }, Math.max(0, wanted), options);
      newestFirst.push(...last.reverse());
      continue;
    }
    const info = await statOrNull(source.path);
    if (!info) {
      // Gone since it was listed, or a file to follow that does not exist yet.
      if (isLive && options.follow) resume = { path: source.path, offset: 0, line: 1 };
      continue;
    }
    const size = Number(info.size);
    const format = await formatOfInput(input, source.path, options.formatOverride);
    const context = { format, parseTime: asctimeParser(options.wallClock), file: source.path };
    const scan = await scanBackward(source.path, size, context, {
      count: Math.max(0, wanted),
      accept: options.accept,
      lineNumbers: options.lineNumbers,
      completeLinesOnly: options.follow && isLive,
      stopBefore: options.since,
    }).catch((error: unknown) => {
      throw error instanceof SmsmonError
        ? error
        : new SourceError(`cannot read ${source.path}: ${describeFsError(error)}`);
    });
    newestFirst.push(...scan.newestFirst);
    if (isLive && options.follow) {
      const fileId = { dev: info.dev, ino: info.ino };
      resume = { path: source.path, offset: scan.resumeOffset, line: scan.resumeLine, fileId };
    }
    if (scan.reachedOlder) break;
  }
  return { records: newestFirst.slice(0, options.count).reverse(), resume };
}

async function statOrNull(path: string): Promise<BigIntStats | null> {
  try {
    return await stat(path, { bigint: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new SourceError(`cannot read ${path}: ${describeFsError(error)}`);
  }
}

async function lastByReadingForward(
  input: LogInput,
  count: number,
  options: TailOptions,
): Promise<LogRecord[]> {
  const ring: LogRecord[] = [];
  for await (const batch of recordsOfInput(input, options)) {
    for (const record of batch) {
      if (!options.accept(record) || count === 0) continue;
      ring.push(record);
      if (ring.length > count * 2) ring.splice(0, ring.length - count);
    }
  }
  return ring.slice(-count);
}
