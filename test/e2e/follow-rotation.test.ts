import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, openSync, renameSync, truncateSync, writeSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { test } from 'node:test';
import { followedEmptyLog, range, until, verdict, warmUp } from '../kit/followKit.js';

/**
 * `logs tail -f` against a writer that rotates as fast as a busy app would, many times over:
 * every numbered line must come out exactly once. The writer runs in this process; the
 * follower is the built binary.
 */
const DEADLINE_MS = 60_000;
const BACKUPS = 3;
const TICK_MS = 4;
const LINES_PER_TICK = 2;
const WORKER2_FIRST = 1_000_000;
const WORKER2_LAG_MS = 150;

const record = (pid: number, n: number): string =>
  `INFO 2024-01-20 16:30:00,123 views 123 ${pid} line ${String(n).padStart(6, '0')}\n`;

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

const warmUpMark =
  (writer: AppLogWriter) =>
  (i: number): void =>
    writer.writeRaw(`INFO 2024-01-20 16:30:00,123 views 123 456 warmup ${i}\n`);

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

test(
  'follows 50 rename and 50 copytruncate rotations: every line exactly once',
  { timeout: 90_000 },
  async (t) => {
    const { path, tail, deadline } = followedEmptyLog(DEADLINE_MS);
    const writer = new AppLogWriter(path);
    try {
      await warmUp(tail, warmUpMark(writer), deadline);
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
    const { path, tail, deadline } = followedEmptyLog(DEADLINE_MS);
    const writer = new AppLogWriter(path);
    let worker: ChildProcess | null = null;
    try {
      await warmUp(tail, warmUpMark(writer), deadline);
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
