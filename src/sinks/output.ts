import type { Writable } from 'node:stream';
import { escapeForTerminalJson } from './safeText.js';

/**
 * Buffered writer for stdout: encodes text into a byte buffer and writes it in large pieces,
 * waiting for 'drain' so memory stays bounded when the reader is slow. A closed pipe (`| head`)
 * ends the output quietly instead of crashing: `closed` turns true and producers stop early. On a
 * terminal, JSON's DEL, C1 and bidi characters are escaped too (text formats have none left by then).
 */
export class Output {
  /** Text encoded so far, off the JavaScript heap: see write(). */
  private bytes: Buffer;
  private used = 0;
  /** The stream said it is full: producers wait for 'drain' at their next maybeFlush(). */
  private full = false;
  closed = false;
  private readonly terminal: boolean;

  constructor(
    private readonly stream: Writable = process.stdout,
    private readonly flushAt = 64 * 1024,
  ) {
    this.terminal = (stream as { isTTY?: boolean }).isTTY === true;
    this.bytes = Buffer.allocUnsafe(flushAt);
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') this.closed = true;
      else throw error;
    });
  }

  /**
   * Encodes text into the byte buffer at once and hands the buffer to the stream when full. Text
   * kept as strings until a flush would outlive the young generation's next scavenges (a record's
   * line pins the whole decoded piece its fields were cut from) and be copied into the old one.
   */
  write(text: string): void {
    if (this.closed) return;
    // Escaping works character by character: per piece is the same as over the whole output.
    const safe = this.terminal ? escapeForTerminalJson(text) : text;
    // At most 3 bytes per UTF-16 unit: a piece that may not fit goes after what is buffered.
    if (this.used + safe.length * 3 > this.bytes.length) {
      this.writeBuffer();
      if (safe.length * 3 > this.bytes.length) {
        this.send(safe);
        return;
      }
    }
    this.used += this.bytes.write(safe, this.used);
  }

  /**
   * Lets `encode` write `item` straight into the byte buffer, at most `maxBytes` bytes, and return
   * where it stopped. On a terminal the bytes are read back as text and escaped like write()'s.
   */
  encode<T>(item: T, maxBytes: number, encode: (item: T, bytes: Buffer, at: number) => number): void {
    if (this.closed) return;
    if (this.terminal || maxBytes > this.bytes.length) {
      const bytes = Buffer.allocUnsafe(maxBytes);
      const end = encode(item, bytes, 0);
      if (this.terminal) this.write(bytes.toString('utf8', 0, end));
      else {
        this.writeBuffer();
        this.send(bytes.subarray(0, end));
      }
      return;
    }
    if (this.used + maxBytes > this.bytes.length) this.writeBuffer();
    this.used = encode(item, this.bytes, this.used);
  }

  /** Resolves once the stream can take more: the backpressure point for producers. */
  async maybeFlush(): Promise<void> {
    if (this.full && !this.closed) {
      await this.drained();
      this.full = false;
    }
  }

  async flush(): Promise<void> {
    this.writeBuffer();
    await this.maybeFlush();
  }

  private writeBuffer(): void {
    if (this.used === 0 || this.closed) return;
    const full = this.bytes.subarray(0, this.used);
    // The stream may hold the bytes until they are written: the next ones go to a new buffer.
    this.bytes = Buffer.allocUnsafe(this.bytes.length);
    this.used = 0;
    this.send(full);
  }

  private send(chunk: string | Buffer): void {
    if (!this.stream.write(chunk)) this.full = true;
  }

  private drained(): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        this.stream.off('drain', done);
        this.stream.off('error', done);
        this.stream.off('close', done);
        resolve();
      };
      this.stream.once('drain', done);
      this.stream.once('error', done);
      this.stream.once('close', done);
    });
  }
}
