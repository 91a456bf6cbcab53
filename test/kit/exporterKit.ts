import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { BIN } from './runSmsmon.js';

/** The histogram's bounds, written independently of the exporter's list, so a changed bucket shows. */
export const PROCESSING_BOUNDS = [
  '0.001',
  '0.0025',
  '0.005',
  '0.01',
  '0.025',
  '0.05',
  '0.1',
  '0.25',
  '0.5',
  '1',
  '2.5',
  '5',
  '10',
  '30',
  '60',
];

/** `smsmon exporter` as a child process: the URL it printed, scrapes, a clean stop. */
export class ExporterProcess {
  readonly child: ChildProcess;
  readonly url: Promise<string>;
  readonly exited: Promise<number | null>;
  stderr = '';

  constructor(args: readonly string[]) {
    this.child = spawn(
      process.execPath,
      [BIN, 'exporter', '--listen', '127.0.0.1:0', '--no-system', ...args],
      {
        env: { ...process.env, FORCE_COLOR: undefined, NO_COLOR: '1', TZ: 'UTC', SMSMON_NOW: '' },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
    this.url = new Promise((resolve, reject) => {
      this.child.stderr!.setEncoding('utf8').on('data', (text: string) => {
        this.stderr += text;
        const match = /exporter listening on (http:\/\/\S+)/.exec(this.stderr);
        if (match) resolve(match[1]!);
      });
      void this.exited.then((code) => reject(new Error(`exporter exited (${code}): ${this.stderr.trim()}`)));
    });
  }

  /** GET /metrics: the body, after checking status and content type. */
  async scrape(): Promise<string> {
    const response = await fetch(await this.url);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'text/plain; version=0.0.4; charset=utf-8');
    return response.text();
  }

  async stop(): Promise<number | null> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGTERM');
    return this.exited;
  }
}

/** Sample lines of an exposition, `name{labels}` → value, and which names are counters. */
export function parseExposition(text: string): { samples: Map<string, number>; counters: Set<string> } {
  const samples = new Map<string, number>();
  const counters = new Set<string>();
  for (const line of text.split('\n')) {
    const type = /^# TYPE (\S+) (counter|histogram)$/.exec(line);
    if (type) counters.add(type[1]!);
    if (!line || line.startsWith('#')) continue;
    const space = line.lastIndexOf(' ');
    samples.set(line.slice(0, space), Number(line.slice(space + 1)));
  }
  return { samples, counters };
}

/** `promtool check metrics` on `text`: its complaints, or [] when it accepts. Never skipped. */
export function promtoolProblems(text: string): string[] {
  const result = spawnSync('promtool', ['check', 'metrics'], { input: text, encoding: 'utf8' });
  if (result.error && (result.error as NodeJS.ErrnoException).code === 'ENOENT')
    assert.fail(
      'promtool is not installed: apt-get install -y prometheus (Debian) provides /usr/bin/promtool',
    );
  if (result.status === 0) return [];
  return [`exit ${result.status}`, ...`${result.stdout}${result.stderr}`.split('\n').filter(Boolean)];
}

/** A log file written as Python's RotatingFileHandler does: O_APPEND, rollover by renames. */
export class RotatingLog {
  private fd: number;
  rotations = 0;

  constructor(
    private readonly path: string,
    private readonly backupCount: number,
  ) {
    this.fd = openSync(path, 'a');
  }

  write(text: string): void {
    writeSync(this.fd, text);
  }

  /** doRollover: drop the oldest backup, shift .N-1 → .N … .1 → .2, rename the file to .1, reopen. */
  rotate(): void {
    closeSync(this.fd);
    const oldest = `${this.path}.${this.backupCount}`;
    if (existsSync(oldest)) unlinkSync(oldest);
    for (let i = this.backupCount - 1; i > 0; i--)
      if (existsSync(`${this.path}.${i}`)) renameSync(`${this.path}.${i}`, `${this.path}.${i + 1}`);
    renameSync(this.path, `${this.path}.1`);
    this.fd = openSync(this.path, 'a');
    this.rotations++;
  }

  close(): void {
    closeSync(this.fd);
  }
}

/** Python's asctime of now, in UTC (the exporter runs with TZ=UTC). */
export function asctime(ms = Date.now()): string {
  return new Date(ms).toISOString().replace('T', ' ').replace('.', ',').slice(0, 23);
}
