import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import type { Gunzip } from 'node:zlib';
import { finished, type Readable } from 'node:stream';
import { describeFsError as reason } from '../core/errors.js';
import { UnreadableSource, type ProblemSink } from '../core/sourceProblem.js';
import { openRegularSync } from './regularFile.js';
import { builtin } from '../core/builtin.js';

/** One readable input: a plain file, a gzipped rotated file, or stdin ('-'). */
export interface LogSource {
  path: string;
  gzip: boolean;
  stdin: boolean;
  /**
   * The user named this path: it is read whatever it is (a pipe from `<(zcat …)` too). A file
   * found in a family must be a regular file (regularFile.ts).
   */
  named: boolean;
}

export function sourceFor(path: string, named = false): LogSource {
  return { path, gzip: path.endsWith('.gz'), stdin: path === '-', named };
}

/**
 * Read size. Every record decoded from a chunk stays alive until the chunk's batch is counted, so
 * smaller chunks mean a smaller young generation; smaller still slows the scans (bench/DECISIONS.md).
 */
const CHUNK_BYTES = 256 * 1024;

interface OpenedSource {
  stream: Readable;
  /** Bytes read from disk so far (compressed bytes for .gz), for progress. */
  bytesRead: () => number;
  /** The decompressor of a .gz: where it stopped tells where the damage is. */
  gunzip?: Gunzip;
}

function openBytes(source: LogSource): OpenedSource {
  if (source.stdin) return { stream: process.stdin, bytesRead: () => 0 };
  const fd = source.named ? undefined : openRegularSync(source.path);
  const file = createReadStream(source.path, { fd, highWaterMark: CHUNK_BYTES });
  if (!source.gzip) return { stream: file, bytesRead: () => file.bytesRead };
  const { createGunzip } = builtin<typeof import('node:zlib')>('node:zlib');
  const gunzip = createGunzip({ chunkSize: CHUNK_BYTES });
  file.on('error', (error) => gunzip.destroy(error));
  return { stream: file.pipe(gunzip), bytesRead: () => file.bytesRead, gunzip };
}

/**
 * Reads a source to its end as raw chunks (decompressed for .gz). `onBytes` receives the number
 * of bytes read from disk since its last call, so a progress display can compare the sum with
 * file sizes. A file that cannot be read — not a regular file, unreadable, a .gz damaged part way —
 * is an UnreadableSource; with `onProblem` it is reported there instead and the chunks read
 * before it stand, as the end of the source.
 */
export async function* readChunks(
  source: LogSource,
  onBytes?: (bytes: number) => void,
  onProblem?: ProblemSink,
  /** Where to start in a plain file (a seek); other sources are read from their start. */
  start = 0,
): AsyncGenerator<Buffer> {
  try {
    if (!source.stdin && !source.gzip) yield* readFileChunks(source, onBytes, start);
    else yield* readStreamChunks(source, onBytes);
  } catch (error) {
    if (!onProblem || !(error instanceof UnreadableSource)) throw error;
    onProblem(error.problem);
  }
}

async function* readStreamChunks(
  source: LogSource,
  onBytes?: (bytes: number) => void,
): AsyncGenerator<Buffer> {
  const { stream, bytesRead, gunzip } = openBytes(source);
  let reported = 0;
  try {
    for await (const chunk of chunksBeforeError(stream)) {
      if (onBytes) {
        const total = bytesRead();
        onBytes(total - reported);
        reported = total;
      }
      yield chunk;
    }
  } catch (error) {
    const what =
      gunzip && !(error as NodeJS.ErrnoException).syscall ? gzipDamage(gunzip, error) : reason(error);
    throw new UnreadableSource(source.stdin ? 'stdin' : source.path, what);
  } finally {
    // stdin too: a scan that stops early (-q, | head) would otherwise wait for it to end.
    stream.destroy();
  }
}

/**
 * A stream's chunks, then its error: `for await` on the stream itself drops what is buffered when
 * the error comes (a damaged .gz), so how much of the file counted would depend on timing.
 */
async function* chunksBeforeError(stream: Readable): AsyncGenerator<Buffer> {
  let done = false;
  let failure: unknown = null;
  let wake = (): void => undefined;
  stream.on('readable', () => wake());
  finished(stream, (error) => {
    [done, failure] = [true, error ?? null];
    wake();
  });
  for (;;) {
    const chunk = stream.read() as Buffer | null;
    if (chunk !== null) yield chunk;
    else if (done) {
      if (failure) throw failure;
      return;
    } else await new Promise<void>((resolve) => (wake = resolve));
  }
}

/** "not valid gzip at compressed byte 4096 (unexpected end of file)": where the decompressor stopped. */
function gzipDamage(gunzip: Gunzip, error: unknown): string {
  const detail = error instanceof Error ? ` (${error.message})` : '';
  const at = gunzip.bytesWritten;
  const where = at > 0 ? ` at compressed byte ${at}${detail}; read up to there` : detail;
  return `not valid gzip${where}`;
}

/**
 * A plain file read into one reused buffer: no allocation per chunk, so a 150 MB scan makes
 * little garbage. A chunk is only valid until the next one is asked for; every consumer copies
 * what it keeps (the partial last line).
 */
async function* readFileChunks(
  source: LogSource,
  onBytes: ((bytes: number) => void) | undefined,
  start: number,
): AsyncGenerator<Buffer> {
  const { path } = source;
  let fd: number;
  try {
    fd = source.named ? openSync(path, 'r') : openRegularSync(path);
  } catch (error) {
    if (error instanceof UnreadableSource) throw error;
    throw new UnreadableSource(path, reason(error));
  }
  const buffer = idleReadBuffers.pop() ?? Buffer.allocUnsafe(CHUNK_BYTES);
  let unbroken = 0;
  // A position only after a seek: a named pipe cannot be read at one.
  let position = start > 0 ? start : null;
  try {
    for (;;) {
      let bytesRead: number;
      try {
        bytesRead = readSync(fd, buffer, 0, buffer.length, position);
      } catch (error) {
        throw new UnreadableSource(path, reason(error));
      }
      if (bytesRead === 0) return;
      if (position !== null) position += bytesRead;
      onBytes?.(bytesRead);
      yield buffer.subarray(0, bytesRead);
      unbroken += bytesRead;
      if (unbroken >= BREAK_BYTES) {
        unbroken = 0;
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
  } finally {
    idleReadBuffers.push(buffer);
    closeSync(fd);
  }
}

/**
 * Plain files are read synchronously: from the page cache a read takes microseconds, while a
 * promise per chunk leaves the thread idle waiting for the threadpool (bench/DECISIONS.md).
 * Every BREAK_BYTES the loop lets timers
 * (the progress display) and signals in, which synchronous reads alone would starve.
 */
const BREAK_BYTES = 4 * 1024 * 1024;

/**
 * Read buffers of finished files, for the next one: a fresh megabyte per file is only freed by a
 * full GC, which a scan making little garbage seldom runs, so RSS would grow with the file count.
 * One per file read at the same time (merged inputs).
 */
const idleReadBuffers: Buffer[] = [];

/** Bytes on disk of the given sources (stdin counts 0), for progress. */
export async function sizeOnDisk(sources: readonly LogSource[]): Promise<number> {
  const { stat } = await import('node:fs/promises');
  let total = 0;
  for (const source of sources) {
    if (source.stdin) continue;
    total += await stat(source.path).then(
      (info) => info.size,
      () => 0,
    );
  }
  return total;
}
