import { Spinner } from './spinner.js';

/**
 * Scan progress on stderr for scans longer than a second: a spinner with the file being read
 * and the share of bytes done, redrawn every 200 ms.
 */
export class Progress {
  private bytes = 0;
  private label = '';
  private readonly spinner: Spinner;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly totalBytes: number,
    enabled: boolean,
    stream?: NodeJS.WriteStream,
  ) {
    this.spinner = new Spinner('scanning', enabled, 1000, stream);
    if (!enabled) return;
    this.timer = setInterval(() => this.spinner.update(this.line()), 200);
    this.timer.unref();
  }

  add(bytes: number): void {
    this.bytes += bytes;
  }

  source(label: string): void {
    this.label = label;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.spinner.stop();
  }

  private line(): string {
    const mb = (n: number): string => (n / 1048576).toFixed(1);
    const percent =
      this.totalBytes > 0 ? ` ${Math.min(100, (100 * this.bytes) / this.totalBytes).toFixed(0)}%` : '';
    return `scanning ${this.label} ${mb(this.bytes)}/${mb(this.totalBytes)} MB${percent}`;
  }
}
