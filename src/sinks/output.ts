import type { Writable } from 'node:stream';
import { escapeForTerminalJson } from './safeText.js';

/**
 * Buffered writer for stdout: collects text and writes it in large pieces, waiting for 'drain'
 * so memory stays bounded when the reader is slow. A closed pipe (`| head`) ends the output
 * quietly instead of crashing: `closed` turns true and producers stop early. On a terminal, JSON's
 * DEL, C1 and bidi characters are escaped too (text formats have none left by then).
 */
export class Output {
  private buffer = '';
  /** The stream said it is full: producers wait for 'drain' at their next maybeFlush(). */
  private full = false;
  closed = false;
  private readonly terminal: boolean;

  constructor(
    private readonly stream: Writable = process.stdout,
    private readonly flushAt = 64 * 1024,
  ) {
    this.terminal = (stream as { isTTY?: boolean }).isTTY === true;
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') this.closed = true;
      else throw error;
    });
  }

  /**
   * Buffers text and hands it to the stream every 64 KiB right away: text that lives only
   * briefly is cheap for the garbage collector, a batch of thousands of records is not.
   */
  write(text: string): void {
    if (this.closed) return;
    this.buffer += text;
    if (this.buffer.length >= this.flushAt) this.writeBuffer();
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
    if (this.buffer === '' || this.closed) return;
    const text = this.terminal ? escapeForTerminalJson(this.buffer) : this.buffer;
    this.buffer = '';
    if (!this.stream.write(text)) this.full = true;
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
