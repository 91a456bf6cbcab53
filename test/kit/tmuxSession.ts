import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';

/** A program in a tmux pane, typed into with send-keys and read back with capture-pane. */
export class TmuxSession {
  readonly name = `smsmon-${process.pid}-${randomBytes(3).toString('hex')}`;

  constructor(command: string, size = { columns: 120, rows: 30 }) {
    this.run([
      'new-session',
      '-d',
      '-s',
      this.name,
      '-x',
      String(size.columns),
      '-y',
      String(size.rows),
      command,
    ]);
  }

  /** Keys as tmux names them: literal text, 'Tab', 'Enter', 'C-u'. */
  keys(...keys: string[]): void {
    this.run(['send-keys', '-t', this.name, ...keys]);
  }

  screen(): string {
    return this.run(['capture-pane', '-p', '-t', this.name]);
  }

  /** The screen once it matches, polling for up to 10 s. */
  async waitFor(wanted: RegExp, what: string): Promise<string> {
    let last = '';
    for (let i = 0; i < 100; i++) {
      last = this.screen();
      if (wanted.test(last)) return last;
      await sleep(100);
    }
    throw new Error(`timed out waiting for ${what}; screen:\n${last}`);
  }

  close(): void {
    try {
      this.run(['kill-session', '-t', this.name]);
    } catch {
      // Already gone with its program.
    }
  }

  private run(args: string[]): string {
    try {
      return execFileSync('tmux', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT')
        throw new Error('tmux not found: apt-get install -y tmux');
      throw error;
    }
  }
}
