import type { HealthCheckResult } from '../core/health.js';

export interface WatchOptions {
  /** Between the starts of two checks; a check longer than this is followed at once. */
  readonly intervalMs: number;
  /** One check; it should end early (its result is then dropped) when the signal stops the watch. */
  readonly check: (signal: AbortSignal) => Promise<HealthCheckResult>;
  /** Every completed check, in order (--record). */
  readonly onCheck?: (result: HealthCheckResult) => Promise<void>;
  /** The first check, and each whose state or reason differs from the one before. */
  readonly onChange: (result: HealthCheckResult) => Promise<void> | void;
  /** Ctrl-C / SIGTERM: the watch ends after the current step. */
  readonly signal: AbortSignal;
}

/**
 * `health --watch`: checks until stopped and reports changes only. Returns the last completed
 * check (undefined when stopped before the first one ended): its state is the exit code.
 */
export async function watchHealth(options: WatchOptions): Promise<HealthCheckResult | undefined> {
  const { signal } = options;
  let last: HealthCheckResult | undefined;
  while (!signal.aborted) {
    const started = performance.now();
    const result = await options.check(signal);
    if (signal.aborted) break; // cut short: not a finding about the app
    await options.onCheck?.(result);
    if (!last || last.state !== result.state || last.reason !== result.reason) await options.onChange(result);
    last = result;
    await sleep(options.intervalMs - (performance.now() - started), signal);
  }
  return last;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0 || signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
