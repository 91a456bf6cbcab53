import { stat, type FileHandle } from 'node:fs/promises';
import type { BigIntStats } from 'node:fs';
import { SourceError } from '../core/errors.js';
import { openIfRegular } from '../core/openIfRegular.js';
import { NEWLINE } from '../core/lineBytes.js';

/** How many first bytes we remember to recognise a copytruncate even after the file regrew past us. */
const FINGERPRINT_BYTES = 256;
/** How far back the default start looks for the beginning of an unfinished last line. */
const ALIGN_BYTES = 64 * 1024;

/** A file's identity: the path may change (rename), the inode does not. */
export interface FileId {
  dev: bigint;
  ino: bigint;
}

let streams = 0;

export const sameFile = (a: FileId, b: FileId): boolean => a.dev === b.dev && a.ino === b.ino;

const idOf = (st: BigIntStats): FileId => ({ dev: st.dev, ino: st.ino });

export function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/** The identity of whatever is at `path` now, or null when nothing is. */
export async function idAt(path: string): Promise<FileId | null> {
  try {
    return idOf(await stat(path, { bigint: true }));
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
}

/** The path is a FIFO, socket, device or directory: nothing to follow, and opening it could block. */
export class NotRegularFile extends SourceError {
  constructor(path: string, kind: string) {
    super(`cannot follow ${path}: it is ${kind}, not a regular file`);
  }
}

/**
 * One open file being followed: the fd (which keeps reading the same inode whatever the path
 * becomes), how far we got, the number of the line its byte stream starts with, and the first
 * bytes as read, so a truncation is recognised even when the writer already wrote past our
 * offset again. The bytes go out as read: the record reader splits them into lines.
 */
export class FollowedFile {
  offset = 0;
  fingerprint: Buffer = Buffer.alloc(0);
  /** Which byte stream the bytes continue: new for each file and each restart after truncation. */
  stream = ++streams;
  /** The number of the line the stream starts with (0: unknown, counted from there). */
  firstLine = 1;

  private constructor(
    private readonly handle: FileHandle,
    readonly id: FileId,
    /** Reported as the path of its lines; after a rename, where the file went. */
    public label: string,
    /** Size when opened. */
    readonly sizeAtOpen: number,
    /** Modification time when opened, in ns. */
    readonly mtimeAtOpen: bigint,
  ) {}

  /**
   * Opens `path` at offset 0, line 1; null when it does not exist, NotRegularFile when it is a
   * FIFO, socket, device or directory (openIfRegular: never opened, so never waited on).
   */
  static async open(path: string): Promise<FollowedFile | null> {
    const refuse = (kind: string): Error => new NotRegularFile(path, kind);
    try {
      const { handle, stats } = await openIfRegular(path, { bigint: true, refuse });
      return new FollowedFile(handle, idOf(stats), path, Number(stats.size), stats.mtimeNs);
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  /** Starts at `offset` (line `line`) instead of 0; the default is the end of the file. */
  async startAt(offset: number | undefined, line: number | undefined): Promise<void> {
    this.offset = offset ?? (await this.lineStartBefore(this.sizeAtOpen));
    this.firstLine = line ?? (this.offset === 0 ? 1 : 0);
    this.fingerprint = await this.readHead(Math.min(FINGERPRINT_BYTES, this.offset));
  }

  /** Reads the next bytes at our offset into `buffer` without consuming them; returns the count. */
  async read(buffer: Buffer): Promise<number> {
    const { bytesRead } = await this.handle.read(buffer, 0, buffer.length, this.offset);
    return bytesRead;
  }

  /**
   * Consumes bytes just read at our offset; returns a copy (the caller reuses its buffer) and
   * whether they complete a line.
   */
  accept(chunk: Buffer): { bytes: Buffer; completesLine: boolean } {
    if (this.offset < FINGERPRINT_BYTES && this.fingerprint.length === this.offset) {
      const more = chunk.subarray(0, FINGERPRINT_BYTES - this.offset);
      this.fingerprint = Buffer.concat([this.fingerprint, more]);
    }
    this.offset += chunk.length;
    return { bytes: Buffer.from(chunk), completesLine: chunk.includes(NEWLINE) };
  }

  /** False once the file has no name left on disk: deleted, or renamed over. */
  async linked(): Promise<boolean> {
    return (await this.handle.stat({ bigint: true })).nlink > 0n;
  }

  async size(): Promise<number> {
    return Number((await this.handle.stat({ bigint: true })).size);
  }

  /** False when the first bytes we read have changed: the file was truncated and rewritten. */
  async sameStart(): Promise<boolean> {
    return this.startsWith(this.fingerprint);
  }

  /** The first bytes now, as many as a fingerprint holds. */
  head(): Promise<Buffer> {
    return this.readHead(FINGERPRINT_BYTES);
  }

  /** Nothing read yet, but the file now starts with `head`: a truncate before our first read will show. */
  expectStart(head: Buffer): void {
    if (this.offset === 0) this.fingerprint = head;
  }

  /** Size and modification time now (a copy may have grown since we opened it). */
  async stamp(): Promise<{ size: number; mtimeNs: bigint }> {
    const st = await this.handle.stat({ bigint: true });
    return { size: Number(st.size), mtimeNs: st.mtimeNs };
  }

  async startsWith(bytes: Buffer): Promise<boolean> {
    if (bytes.length === 0) return true;
    return (await this.readHead(bytes.length)).equals(bytes);
  }

  /** After copytruncate this file (the copy) repeats `from` up to its offset: carry on from there. */
  continueFrom(from: FollowedFile): void {
    this.offset = from.offset;
    this.fingerprint = from.fingerprint;
    this.stream = from.stream;
    this.label = from.label;
    this.firstLine = from.firstLine;
  }

  /** Back to the start of the (truncated) file, as a new stream; the caller has ended the old one. */
  restart(): void {
    this.stream = ++streams;
    this.offset = 0;
    this.fingerprint = Buffer.alloc(0);
    this.firstLine = 1;
  }

  async close(): Promise<void> {
    await this.handle.close().catch(() => {});
  }

  private async readHead(length: number): Promise<Buffer> {
    const head = Buffer.alloc(length);
    const { bytesRead } = await this.handle.read(head, 0, length, 0);
    return head.subarray(0, bytesRead);
  }

  /** The end, backed up to the start of an unfinished last line so that line comes out whole. */
  private async lineStartBefore(end: number): Promise<number> {
    const from = Math.max(0, end - ALIGN_BYTES);
    const tail = Buffer.alloc(end - from);
    const { bytesRead } = await this.handle.read(tail, 0, tail.length, from);
    const newline = tail.subarray(0, bytesRead).lastIndexOf(NEWLINE);
    if (newline !== -1) return from + newline + 1;
    return from === 0 ? 0 : end;
  }
}
