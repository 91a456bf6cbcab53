import type { Writable } from 'node:stream';

/**
 * Buffered writer for stdout: collects text and writes it in large pieces, waiting for 'drain'
 * so memory stays bounded when the reader is slow. A closed pipe (`| head`) ends the output
 * quietly instead of crashing: `closed` turns true and producers stop early.
 */
export class Output {
  private buffer: string[] = [];
  private bufferedChars = 0;
  closed = false;

  constructor(
    private readonly stream: Writable = process.stdout,
    private readonly flushAt = 64 * 1024,
  ) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') this.closed = true;
      else throw error;
    });
  }

  write(text: string): void {
    if (this.closed) return;
    this.buffer.push(text);
    this.bufferedChars += text.length;
  }

  /** Writes buffered text when there is enough of it; resolves once the stream can take more. */
  async maybeFlush(): Promise<void> {
    if (this.bufferedChars >= this.flushAt) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.buffer.length === 0 || this.closed) return;
    const text = this.buffer.join('');
    this.buffer = [];
    this.bufferedChars = 0;
    const ok = this.stream.write(text);
    if (!ok && !this.closed) await this.drained();
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
