import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after } from 'node:test';
import { BIN, REPO } from './runSmsmon.js';

/** Helpers for tests that follow a log with the built CLI while writers and rotators attack it. */

const dirs: string[] = [];
after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

export function tempLog(): string {
  const dir = mkdtempSync(join(tmpdir(), 'smsmon-follow-e2e-'));
  dirs.push(dir);
  return join(dir, 'app.log');
}

/** Numbered records end in "line <n>"; warm-up markers in "warmup <n>". */
const RECORD = / line (\d+)$/;
const WARMUP = / warmup \d+$/;

/** The built CLI following `path`, with what it printed so far and when each numbered line came. */
export class Tail {
  readonly child: ChildProcess;
  readonly counts = new Map<number, number>();
  /** When (performance.now()) each numbered line first arrived on stdout. */
  readonly arrived = new Map<number, number>();
  readonly malformed: string[] = [];
  warmups = 0;
  stderr = '';
  exited: Promise<number | null>;
  private partial = '';

  constructor(path: string, args: string[] = ['--raw', '-n', '0']) {
    this.child = spawn(process.execPath, [BIN, 'logs', 'tail', '-f', ...args, path], {
      env: { ...process.env, FORCE_COLOR: undefined, NO_COLOR: '1', TZ: 'UTC' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout!.setEncoding('utf8');
    this.child.stderr!.setEncoding('utf8');
    this.child.stdout!.on('data', (text: string) => this.take(text));
    this.child.stderr!.on('data', (text: string) => (this.stderr += text));
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
  }

  has(n: number): boolean {
    return this.counts.has(n);
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGTERM');
    await this.exited;
  }

  private take(text: string): void {
    const now = performance.now();
    const lines = (this.partial + text).split('\n');
    this.partial = lines.pop()!;
    for (const line of lines) {
      const m = RECORD.exec(line);
      if (m) {
        const n = Number(m[1]);
        this.counts.set(n, (this.counts.get(n) ?? 0) + 1);
        if (!this.arrived.has(n)) this.arrived.set(n, now);
      } else if (WARMUP.test(line)) this.warmups++;
      else if (this.malformed.length < 20) this.malformed.push(line);
    }
  }
}

/** An empty app.log in a fresh directory, the CLI following it, and the deadline for the whole test. */
export function followedEmptyLog(deadlineMs: number): { path: string; tail: Tail; deadline: number } {
  const path = tempLog();
  writeFileSync(path, '');
  return { path, tail: new Tail(path), deadline: Date.now() + deadlineMs };
}

/** Waits until `done()` or the deadline; fails at once with its stderr if the CLI exits. */
export async function until(tail: Tail, done: () => boolean, deadline: number, what: string): Promise<void> {
  let exit: number | null | undefined;
  void tail.exited.then((code) => (exit = code));
  while (!done()) {
    if (exit !== undefined) assert.fail(`smsmon exited (${exit}) while ${what}: ${tail.stderr.trim()}`);
    if (Date.now() > deadline) return;
    await sleep(20);
  }
}

/** -n 0 starts at the end: write markers (`mark(i)`) until one shows, so no numbered line predates the follower. */
export async function warmUp(tail: Tail, mark: (i: number) => void, deadline: number): Promise<void> {
  for (let i = 1; tail.warmups === 0; i++) {
    mark(i);
    await until(tail, () => tail.warmups > 0, Math.min(deadline, Date.now() + 100), 'starting');
    if (Date.now() > deadline)
      assert.fail(`smsmon printed nothing within the deadline: ${tail.stderr.trim()}`);
  }
}

export function verdict(tail: Tail, expected: number[]): string[] {
  const lost = expected.filter((n) => !tail.counts.has(n));
  const duplicated = [...tail.counts].filter(([, c]) => c > 1).map(([n, c]) => `${n}×${c}`);
  const want = new Set(expected);
  const unexpected = [...tail.counts.keys()].filter((n) => !want.has(n));
  const problems: string[] = [];
  if (lost.length) problems.push(`lost ${lost.length}: ${summarize(lost)}`);
  if (duplicated.length)
    problems.push(`duplicated ${duplicated.length}: ${duplicated.slice(0, 30).join(' ')}`);
  if (unexpected.length) problems.push(`unexpected ${unexpected.length}: ${summarize(unexpected)}`);
  if (tail.malformed.length) problems.push(`malformed lines: ${JSON.stringify(tail.malformed)}`);
  return problems;
}

/** 1-5 8 10-12 …: lost lines come in runs (a whole file, the end of one). */
export function summarize(numbers: number[]): string {
  const runs: string[] = [];
  for (let i = 0; i < numbers.length;) {
    let j = i;
    while (j + 1 < numbers.length && numbers[j + 1] === numbers[j]! + 1) j++;
    runs.push(i === j ? `${numbers[i]}` : `${numbers[i]}-${numbers[j]}`);
    i = j + 1;
  }
  return runs.slice(0, 30).join(' ') + (runs.length > 30 ? ' …' : '');
}

export const range = (first: number, count: number): number[] =>
  Array.from({ length: count }, (_, i) => first + i);

const WRITER = join(REPO, 'test/python/follow_writer.py');

/**
 * A Python worker logging to `path` through logging.FileHandler: it keeps its fd across rotations.
 * Commanded over stdin ("write N"), or, with `everyMs`, writing one record per period until stopped.
 */
export class PythonWorker {
  private readonly child: ChildProcess;
  private readonly answers: string[] = [];
  private waiting: (() => void) | null = null;
  private readonly exited: Promise<number | null>;

  constructor(path: string, first: number, everyMs?: number) {
    const args = [
      WRITER,
      path,
      '--first',
      String(first),
      ...(everyMs ? ['--every-ms', String(everyMs)] : []),
    ];
    this.child = spawn('python3', args, { stdio: ['pipe', 'pipe', 'inherit'] });
    let partial = '';
    this.child.stdout!.setEncoding('utf8').on('data', (text: string) => {
      const lines = (partial + text).split('\n');
      partial = lines.pop()!;
      this.answers.push(...lines);
      this.waiting?.();
    });
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
    this.child.on('error', (error) => assert.fail(`python3 is needed for this test: ${error.message}`));
  }

  /** Writes `count` records (one write() each) and resolves once they are on disk. */
  async write(count: number): Promise<void> {
    this.child.stdin!.write(`write ${count}\n`);
    assert.equal(await this.answer(), 'ok');
  }

  /** Stops the worker; resolves to the number of records it wrote. */
  async stop(): Promise<number> {
    if (this.child.exitCode === null) this.child.stdin!.end('stop\n');
    const written = Number(await this.answer());
    await this.exited;
    return written;
  }

  kill(): void {
    if (this.child.exitCode === null) this.child.kill();
  }

  private async answer(): Promise<string> {
    while (this.answers.length === 0) {
      if (this.child.exitCode !== null) assert.fail(`the Python worker exited (${this.child.exitCode})`);
      await new Promise<void>((resolve) => {
        this.waiting = resolve;
        setTimeout(resolve, 200);
      });
    }
    return this.answers.shift()!;
  }
}
