import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import {
  closeSync,
  copyFileSync,
  existsSync,
  mkdtempSync,
  openSync,
  renameSync,
  rmSync,
  truncateSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, test } from 'node:test';

/**
 * `logs tail -f` against a writer that rotates as fast as a busy app would, many times over:
 * every numbered line must come out exactly once. The writer runs in this process; the
 * follower is the built binary.
 */
const BIN = fileURLToPath(new URL('../../../bin/smsmon.js', import.meta.url));
const DEADLINE_MS = 60_000;
const BACKUPS = 3;
const TICK_MS = 4;
const LINES_PER_TICK = 2;
const WORKER2_FIRST = 1_000_000;
const WORKER2_LAG_MS = 150;

const dirs: string[] = [];
after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function tempLog(): string {
  const dir = mkdtempSync(join(tmpdir(), 'smsmon-follow-e2e-'));
  dirs.push(dir);
  return join(dir, 'app.log');
}

const record = (pid: number, n: number): string =>
  `INFO 2024-01-20 16:30:00,123 views 123 ${pid} line ${String(n).padStart(6, '0')}\n`;
const RECORD = /^INFO 2024-01-20 16:30:00,123 views 123 \d+ line (\d+)$/;
const WARMUP = /^INFO 2024-01-20 16:30:00,123 views 123 \d+ warmup \d+$/;

/** One writer process as Python's logging sees it: an O_APPEND fd that rotation replaces or truncates. */
class AppLogWriter {
  private fd: number;
  next = 1;
  renames = 0;
  copytruncates = 0;

  constructor(private readonly path: string) {
    this.fd = openSync(path, 'a');
  }

  write(count: number): void {
    let text = '';
    for (let i = 0; i < count; i++) text += record(456, this.next++);
    writeSync(this.fd, text);
  }

  writeRaw(text: string): void {
    writeSync(this.fd, text);
  }

  /** RotatingFileHandler.doRollover: shift the backups, rename, open a new file. */
  renameRotate(): void {
    closeSync(this.fd);
    this.shiftBackups();
    renameSync(this.path, `${this.path}.1`);
    this.fd = openSync(this.path, 'a');
    this.renames++;
  }

  /** logrotate copytruncate: shift, copy to .1, truncate; this writer is paused meanwhile, as a single writer would be. */
  copyTruncate(): void {
    this.shiftBackups();
    copyFileSync(this.path, `${this.path}.1`);
    truncateSync(this.path, 0);
    this.copytruncates++;
  }

  close(): void {
    closeSync(this.fd);
  }

  private shiftBackups(): void {
    for (let i = BACKUPS - 1; i > 0; i--) {
      if (existsSync(`${this.path}.${i}`)) renameSync(`${this.path}.${i}`, `${this.path}.${i + 1}`);
    }
  }
}

/** The built CLI following `path`, with what it printed so far. */
class Tail {
  readonly child: ChildProcess;
  readonly counts = new Map<number, number>();
  readonly malformed: string[] = [];
  warmups = 0;
  stderr = '';
  exited: Promise<number | null>;
  private partial = '';

  constructor(path: string) {
    this.child = spawn(process.execPath, [BIN, 'logs', 'tail', '-f', '--raw', '-n', '0', path], {
      env: { ...process.env, NO_COLOR: '1', TZ: 'UTC' },
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
    const lines = (this.partial + text).split('\n');
    this.partial = lines.pop()!;
    for (const line of lines) {
      const m = RECORD.exec(line);
      if (m) this.counts.set(Number(m[1]), (this.counts.get(Number(m[1])) ?? 0) + 1);
      else if (WARMUP.test(line)) this.warmups++;
      else if (this.malformed.length < 20) this.malformed.push(line);
    }
  }
}

/** Waits until `done()` or the deadline; fails at once with its stderr if the CLI exits. */
async function until(tail: Tail, done: () => boolean, deadline: number, what: string): Promise<void> {
  let exit: number | null | undefined;
  void tail.exited.then((code) => (exit = code));
  while (!done()) {
    if (exit !== undefined) assert.fail(`smsmon exited (${exit}) while ${what}: ${tail.stderr.trim()}`);
    if (Date.now() > deadline) return;
    await sleep(20);
  }
}

/** -n 0 starts at the end: write markers until one shows, so no numbered line predates the follower. */
async function warmUp(tail: Tail, writer: AppLogWriter, deadline: number): Promise<void> {
  for (let i = 1; tail.warmups === 0; i++) {
    writer.writeRaw(`INFO 2024-01-20 16:30:00,123 views 123 456 warmup ${i}\n`);
    await until(tail, () => tail.warmups > 0, Math.min(deadline, Date.now() + 100), 'starting');
    if (Date.now() > deadline)
      assert.fail(`smsmon printed nothing within the deadline: ${tail.stderr.trim()}`);
  }
}

/** Writes at a steady pace, rotating every `ticksPerFile` ticks, `rotations` times. */
async function writeRotating(
  writer: AppLogWriter,
  rotations: number,
  ticksPerFile: number,
  rotate: () => void,
): Promise<void> {
  for (let r = 0; r < rotations; r++) {
    for (let t = 0; t < ticksPerFile; t++) {
      writer.write(LINES_PER_TICK);
      await sleep(TICK_MS);
    }
    rotate();
  }
}

function verdict(tail: Tail, expected: number[]): string[] {
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
function summarize(numbers: number[]): string {
  const runs: string[] = [];
  for (let i = 0; i < numbers.length;) {
    let j = i;
    while (j + 1 < numbers.length && numbers[j + 1] === numbers[j]! + 1) j++;
    runs.push(i === j ? `${numbers[i]}` : `${numbers[i]}-${numbers[j]}`);
    i = j + 1;
  }
  return runs.slice(0, 30).join(' ') + (runs.length > 30 ? ' …' : '');
}

const range = (first: number, count: number): number[] => Array.from({ length: count }, (_, i) => first + i);

test(
  'follows 50 rename and 50 copytruncate rotations: every line exactly once',
  { timeout: 90_000 },
  async (t) => {
    const path = tempLog();
    writeFileSync(path, '');
    const deadline = Date.now() + DEADLINE_MS;
    const tail = new Tail(path);
    const writer = new AppLogWriter(path);
    try {
      await warmUp(tail, writer, deadline);
      await writeRotating(writer, 50, 25, () => writer.renameRotate());
      await writeRotating(writer, 50, 25, () => {
        writer.copyTruncate();
        // Every other time, records queued during the pause land at once, past the offset the
        // follower had reached in the old file: the size alone no longer shows the truncation.
        if (writer.copytruncates % 2 === 0) writer.write(60);
      });
      writer.write(10);
      const last = writer.next - 1;
      await until(tail, () => tail.has(last), deadline, 'waiting for the last line');
      await sleep(500); // late duplicates would show up now
      t.diagnostic(
        `${writer.renames} renames, ${writer.copytruncates} copytruncates, ${last} lines, ${tail.counts.size} distinct received`,
      );
      const problems = verdict(tail, range(1, last));
      assert.deepEqual(problems, [], problems.join('\n'));
      assert.ok(writer.renames >= 50 && writer.copytruncates >= 50);
    } finally {
      writer.close();
      await tail.stop();
    }
  },
);

/** A second worker: appends to its own fd and, like a process that has not noticed the rollover yet, keeps writing to the renamed file for a while. */
const WORKER2 = `
import { closeSync, fstatSync, openSync, statSync, writeSync } from 'node:fs';
const [path, first, lagMs] = process.argv.slice(1);
let n = Number(first);
let fd = openSync(path, 'a');
let renamedAt = null;
let stopping = false;
process.stdin.on('data', () => (stopping = true));
const timer = setInterval(() => {
  if (stopping) {
    clearInterval(timer);
    closeSync(fd);
    process.stdout.write(String(n - Number(first)) + '\\n', () => process.exit(0));
    return;
  }
  writeSync(fd, 'INFO 2024-01-20 16:30:00,123 views 123 789 line ' + n++ + '\\n');
  let current = null;
  try { current = statSync(path).ino; } catch {}
  if (current === fstatSync(fd).ino) { renamedAt = null; return; }
  renamedAt ??= Date.now();
  if (current !== null && Date.now() - renamedAt >= Number(lagMs)) {
    closeSync(fd);
    fd = openSync(path, 'a');
    renamedAt = null;
  }
}, 3);
`;

test(
  'a second worker keeps writing to the renamed file after each rename',
  { timeout: 90_000 },
  async (t) => {
    const path = tempLog();
    writeFileSync(path, '');
    const deadline = Date.now() + DEADLINE_MS;
    const tail = new Tail(path);
    const writer = new AppLogWriter(path);
    let worker: ChildProcess | null = null;
    try {
      await warmUp(tail, writer, deadline);
      worker = spawn(
        process.execPath,
        ['--input-type=module', '-e', WORKER2, path, `${WORKER2_FIRST}`, `${WORKER2_LAG_MS}`],
        {
          stdio: ['pipe', 'pipe', 'inherit'],
        },
      );
      const workerCount = new Promise<number>((resolve, reject) => {
        let out = '';
        worker!.stdout!.on('data', (b: Buffer) => (out += b.toString()));
        worker!.on('exit', (code) =>
          code === 0 ? resolve(Number(out.trim())) : reject(new Error(`worker 2 exited ${code}`)),
        );
      });
      // 50 ticks per file leaves the second worker's 150 ms lag well inside one file's life,
      // so it never writes to a backup old enough to be deleted.
      await writeRotating(writer, 50, 50, () => writer.renameRotate());
      writer.write(10);
      worker.stdin!.end('stop\n');
      const written2 = await workerCount;
      const last = writer.next - 1;
      const expected = [...range(1, last), ...range(WORKER2_FIRST, written2)];
      await until(tail, () => expected.every((n) => tail.has(n)), deadline, 'waiting for every line');
      await sleep(500);
      t.diagnostic(
        `${writer.renames} renames, ${last} + ${written2} lines from two writers, ${tail.counts.size} distinct received`,
      );
      const problems = verdict(tail, expected);
      assert.deepEqual(problems, [], problems.join('\n'));
    } finally {
      worker?.kill();
      writer.close();
      await tail.stop();
    }
  },
);
