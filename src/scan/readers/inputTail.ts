import { stat } from 'node:fs/promises';
import type { BigIntStats } from 'node:fs';
import { SmsmonError, describeFsError } from '../../core/errors.js';
import { UnreadableSource } from '../../core/sourceProblem.js';
import { nonRegularKind, notRegularReason } from '../../sources/regularFile.js';
import type { LogRecord } from '../../core/record.js';
import { asctimeParser } from '../../core/asctime.js';
import type { LogSource } from '../../sources/logSource.js';
import type { LogInput } from '../../sources/resolveInputs.js';
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
 * file or stdin cannot be read backwards, so it is read forwards keeping the last matches, as is a
 * pipe the user named. A file of the family that cannot be read goes to `onProblem`, when given.
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
    const readForward = async (): Promise<void> => {
      const last = await lastByReadingForward({ ...input, sources: [source] }, Math.max(0, wanted), options);
      newestFirst.push(...last.reverse());
    };
    if (source.stdin || source.gzip) {
      await readForward();
      continue;
    }
    const info = await reported(options, () => statOrNull(source));
    if (info === REPORTED) continue;
    if (!info) {
      // Gone since it was listed, or a file to follow that does not exist yet.
      if (isLive && options.follow) resume = { path: source.path, offset: 0, line: 1 };
      continue;
    }
    if (!info.isFile()) {
      await readForward(); // a pipe the user named (statOrNull refused a family's)
      continue;
    }
    const size = Number(info.size);
    const format = await formatOfInput(input, source.path, options.formatOverride);
    const context = { format, parseTime: asctimeParser(options.wallClock), file: source.path };
    const scan = await reported(options, () =>
      scanBackward(source.path, size, context, {
        count: Math.max(0, wanted),
        accept: options.accept,
        lineNumbers: options.lineNumbers,
        completeLinesOnly: options.follow && isLive,
        stopBefore: options.since,
      }).catch((error: unknown) => {
        throw error instanceof SmsmonError
          ? error
          : new UnreadableSource(source.path, describeFsError(error));
      }),
    );
    if (scan === REPORTED) continue;
    newestFirst.push(...scan.newestFirst);
    if (isLive && options.follow) {
      const fileId = { dev: info.dev, ino: info.ino };
      resume = { path: source.path, offset: scan.resumeOffset, line: scan.resumeLine, fileId };
    }
    if (scan.reachedOlder) break;
  }
  return { records: newestFirst.slice(0, options.count).reverse(), resume };
}

/** A file's stat, null when it is missing; a family's file that is not a regular one is refused. */
async function statOrNull(source: LogSource): Promise<BigIntStats | null> {
  let info: BigIntStats;
  try {
    info = await stat(source.path, { bigint: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new UnreadableSource(source.path, describeFsError(error));
  }
  const kind = source.named ? null : nonRegularKind(info);
  if (kind !== null) throw new UnreadableSource(source.path, notRegularReason(kind));
  return info;
}

const REPORTED = Symbol('reported');

/** Runs `work`; a file it could not read goes to `onProblem` when there is one (REPORTED), else is thrown. */
async function reported<T>(options: TailOptions, work: () => Promise<T>): Promise<T | typeof REPORTED> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof UnreadableSource) || !options.onProblem) throw error;
    options.onProblem(error.problem);
    return REPORTED;
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
