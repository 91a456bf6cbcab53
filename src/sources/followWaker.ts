import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';

/** A burst of writes wakes us once: wait this long after the first change before polling. */
const SETTLE_MS = 10;

/**
 * Decides when the follower polls next: after a timeout, soon after something in the file's
 * directory whose name starts with the file's (app.log, app.log.1, …) changes, or on abort.
 * The directory is watched, not the file: a watch on the file follows its inode to app.log.1.
 * fs.watch is only a hint; when it is unavailable or fails, the timeout alone drives polling.
 */
export class FollowWaker {
  private watcher: FSWatcher | null = null;
  private changed = false;
  private hurry: (() => void) | null = null;

  constructor(path: string) {
    const name = basename(path);
    try {
      this.watcher = watch(dirname(path), { persistent: false }, (_event, changed) => {
        if (changed === null || String(changed).startsWith(name)) this.poke();
      });
      this.watcher.on('error', () => this.close());
    } catch {
      this.watcher = null;
    }
  }

  wait(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.resolve();
    if (this.changed) ms = Math.min(ms, SETTLE_MS);
    this.changed = false;
    return new Promise<void>((resolve) => {
      let timer = setTimeout(finish, ms);
      function finish(): void {
        clearTimeout(timer);
        signal?.removeEventListener('abort', finish);
        resolve();
      }
      signal?.addEventListener('abort', finish, { once: true });
      this.hurry = () => {
        clearTimeout(timer);
        timer = setTimeout(finish, SETTLE_MS);
      };
    }).finally(() => {
      this.hurry = null;
    });
  }

  close(): void {
    this.watcher?.close();
    this.watcher = null;
  }

  private poke(): void {
    if (!this.hurry) {
      this.changed = true;
      return;
    }
    this.hurry();
    this.hurry = null;
  }
}
