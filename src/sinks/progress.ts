import { escapeToOneLine } from './safeText.js';

/**
 * A one-line progress display on stderr for scans longer than a second. Shown only when
 * stderr is a terminal that reports a width, so logs, pipes and CI never see it.
 */
export class Progress {
  private bytes = 0;
  private label = '';
  private timer: NodeJS.Timeout | null = null;
  private shown = false;
  private readonly started = Date.now();

  constructor(
    private readonly totalBytes: number,
    private readonly enabled: boolean,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {
    if (!enabled) return;
    this.timer = setInterval(() => this.render(), 200);
    this.timer.unref();
  }

  static wanted(quiet: boolean, stdoutIsTerminal: boolean): boolean {
    const err = process.stderr;
    // On a terminal the results themselves show progress; a bar would be drawn over them.
    return !quiet && !stdoutIsTerminal && err.isTTY === true && (err.columns ?? 0) > 0;
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
    if (this.shown) this.stream.write('\r\x1b[K');
  }

  private render(): void {
    if (!this.enabled || Date.now() - this.started < 1000) return;
    const mb = (n: number): string => (n / 1048576).toFixed(1);
    const percent =
      this.totalBytes > 0 ? ` ${Math.min(100, (100 * this.bytes) / this.totalBytes).toFixed(0)}%` : '';
    const line = `scanning ${escapeToOneLine(this.label)} ${mb(this.bytes)}/${mb(this.totalBytes)} MB${percent}`;
    this.stream.write('\r\x1b[K' + line.slice(0, Math.max(10, (this.stream.columns ?? 80) - 1)));
    this.shown = true;
  }
}
