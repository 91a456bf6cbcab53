import type { Ora } from 'ora';
import { escapeToOneLine } from './safeText.js';

/**
 * A spinner on stderr (ora), drawn only once a wait has lasted `afterMs`: a quick answer shows
 * nothing. ora is imported then, so runs that never wait that long never load it.
 */
export class Spinner {
  private ora: Ora | null = null;
  private text: string;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  /** `stream`: process.stderr, looked up only once a spinner is drawn (a pipe's stream loads net). */
  constructor(
    text: string,
    enabled: boolean,
    afterMs: number,
    private readonly stream?: NodeJS.WriteStream,
  ) {
    this.text = text;
    if (!enabled) return;
    this.timer = setTimeout(() => void this.start(), afterMs);
    this.timer.unref();
  }

  update(text: string): void {
    this.text = text;
    if (this.ora) this.ora.text = this.fit(text);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.ora?.stop();
    this.ora = null;
  }

  private async start(): Promise<void> {
    const { default: ora } = await import('ora');
    if (this.stopped) return;
    // discardStdin off: ora would put stdin in raw mode and swallow what `logs search -` reads.
    const stream = this.stream ?? process.stderr;
    this.ora = ora({ text: this.fit(this.text), stream, isEnabled: true, discardStdin: false }).start();
  }

  /** One line, escaped (file names, URLs and server replies may carry escapes), within the width. */
  private fit(text: string): string {
    return escapeToOneLine(text).slice(0, Math.max(10, ((this.stream ?? process.stderr).columns ?? 80) - 3));
  }
}

/** Shows `text` with a spinner while `work` is pending, once it has lasted 300 ms. */
export async function whileWaiting<T>(text: string, wanted: boolean, work: Promise<T>): Promise<T> {
  const spinner = new Spinner(text, wanted, 300);
  try {
    return await work;
  } finally {
    spinner.stop();
  }
}
