import assert from 'node:assert/strict';
import {
  appendFileSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  truncateSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { test } from 'node:test';
import {
  followedEmptyLog,
  PythonWorker,
  range,
  summarize,
  until,
  verdict,
  warmUp,
} from '../kit/followKit.js';

/**
 * `logs tail -f` against Python worker processes that log through logging.FileHandler and keep
 * their fd whatever happens to the path: a worker that idles long after a rename, two workers
 * under copytruncate, and how fast a lone record reaches stdout.
 */
const DEADLINE_MS = 60_000;
const LATE = 1_000_000;

const marker = (path: string) => (i: number) =>
  appendFileSync(path, `INFO 2024-01-20 16:30:00,123 views 1 2 warmup ${i}\n`);

test(
  'a worker that writes 10 s after another renamed the file: its late lines are printed',
  { timeout: 60_000 },
  async () => {
    const { path, tail, deadline } = followedEmptyLog(DEADLINE_MS);
    const late = new PythonWorker(path, LATE); // celery beat: logs now and then, never reopens
    try {
      await warmUp(tail, marker(path), deadline);
      await late.write(2);
      // Another worker rolls the file over (RotatingFileHandler: rename, then a new app.log).
      renameSync(path, `${path}.1`);
      for (let n = 1; n <= 3; n++) appendFileSync(path, `INFO 2024-01-20 16:30:00,123 views 1 2 line ${n}\n`);
      await until(tail, () => tail.has(3), deadline, 'reading the new file');
      await sleep(10_000);
      await late.write(5); // into app.log.1, through the fd it kept
      const expected = [...range(1, 3), ...range(LATE, 7)];
      await until(
        tail,
        () => expected.every((n) => tail.has(n)),
        Date.now() + 5_000,
        'waiting for the late lines',
      );
      const problems = verdict(tail, expected);
      assert.deepEqual(problems, [], problems.join('\n'));
    } finally {
      late.kill();
      await tail.stop();
    }
  },
);

const BACKUPS = 3;
const PERIOD_MS = 50;
const COPYTRUNCATES = 40;

/** logrotate copytruncate on a timer; the copy that would be deleted goes to archive/ so the test knows every line left on disk. */
function copyTruncator(path: string) {
  const archive = join(dirname(path), 'archive');
  mkdirSync(archive);
  let done = 0;
  const rotate = (): void => {
    if (existsSync(`${path}.${BACKUPS}`)) renameSync(`${path}.${BACKUPS}`, join(archive, String(done)));
    for (let i = BACKUPS - 1; i > 0; i--) {
      if (existsSync(`${path}.${i}`)) renameSync(`${path}.${i}`, `${path}.${i + 1}`);
    }
    copyFileSync(path, `${path}.1`);
    truncateSync(path, 0);
    done++;
  };
  return {
    get done() {
      return done;
    },
    /** Every complete line on disk now (live file, backups, archive): its number → file:line. */
    onDisk(): Map<number, string> {
      const files = [path, ...range(1, BACKUPS).map((i) => `${path}.${i}`)].filter((f) => existsSync(f));
      files.push(...readdirSync(archive).map((f) => join(archive, f)));
      const numbers = new Map<number, string>();
      for (const file of files) {
        readFileSync(file, 'utf8')
          .split('\n')
          .slice(0, -1)
          .forEach((line, i) => {
            const m = / line (\d+)$/.exec(line);
            if (m) numbers.set(Number(m[1]), `${file.slice(dirname(path).length + 1)}:${i + 1}`);
          });
      }
      return numbers;
    },
    rotate,
  };
}

test(
  `copytruncate every ${PERIOD_MS} ms under two writers: every line left on disk is printed exactly once`,
  { timeout: 90_000 },
  async (t) => {
    const { path, tail, deadline } = followedEmptyLog(DEADLINE_MS);
    const rotator = copyTruncator(path);
    let one: PythonWorker | null = null;
    let two: PythonWorker | null = null;
    try {
      await warmUp(tail, marker(path), deadline);
      one = new PythonWorker(path, 1, 2);
      two = new PythonWorker(path, LATE, 2);
      while (rotator.done < COPYTRUNCATES) {
        await sleep(PERIOD_MS);
        rotator.rotate();
      }
      const written = [...range(1, await one.stop()), ...range(LATE, await two.stop())];
      const onDisk = rotator.onDisk();
      const expected = written.filter((n) => onDisk.has(n));
      await until(
        tail,
        () => expected.every((n) => tail.has(n)),
        Math.min(deadline, Date.now() + 5_000),
        'waiting for every line',
      );
      await sleep(500); // late duplicates would show up now
      const gone = written.filter((n) => !onDisk.has(n));
      const printedGone = gone.filter((n) => tail.has(n)).length;
      t.diagnostic(
        `${rotator.done} copytruncates, ${written.length} lines written, ${gone.length} lost on disk between copy and truncate ` +
          `(${printedGone} of them printed all the same), ${tail.counts.size} distinct printed`,
      );
      // A line written between the copy and the truncate is in no file: printed only if read in time.
      const problems = verdict(tail, [...expected, ...gone.filter((n) => tail.has(n))]);
      assert.deepEqual(
        problems,
        [],
        [
          ...problems,
          `on disk, not printed: ${expected
            .filter((n) => !tail.has(n))
            .slice(0, 10)
            .map((n) => `${n} in ${onDisk.get(n)}`)
            .join(', ')}`,
          `lost on disk: ${summarize(gone)}`,
          `smsmon stderr: ${tail.stderr.slice(-20_000)}`,
        ].join('\n'),
      );
    } finally {
      one?.kill();
      two?.kill();
      await tail.stop();
    }
  },
);

const LONE_RECORDS = 50;

test(
  `a lone record, traceback and all, reaches stdout within 100 ms (p95 of ${LONE_RECORDS})`,
  { timeout: 60_000 },
  async (t) => {
    const { path, tail, deadline } = followedEmptyLog(DEADLINE_MS);
    try {
      await warmUp(tail, marker(path), deadline);
      const latencies: number[] = [];
      for (let n = 1; n <= LONE_RECORDS; n++) {
        const record =
          `ERROR 2024-01-20 16:30:00,123 views 1 2 failed line ${n}\n` +
          'Traceback (most recent call last):\n  File "/app/views.py", in handle\nValueError: x\n';
        const written = performance.now();
        appendFileSync(path, record); // one write(), as Python's logging does
        await until(tail, () => tail.has(n), Date.now() + 2_000, 'waiting for a lone record');
        latencies.push((tail.arrived.get(n) ?? Infinity) - written);
        await sleep(20 + (n % 5) * 10);
      }
      const sorted = [...latencies].sort((a, b) => a - b);
      const at = (q: number): number => sorted[Math.ceil(q * sorted.length) - 1]!;
      t.diagnostic(
        `write→stdout ms: p50 ${at(0.5).toFixed(1)}, p95 ${at(0.95).toFixed(1)}, p99 ${at(0.99).toFixed(1)}`,
      );
      // p95 is the goal; the worst sample gets a margin for a loaded machine (one scheduling stall
      // on 2 busy vCPUs reached 202 ms) that still fails the old 300 ms idle, as p95 does.
      assert.ok(at(0.99) <= 280, `p99 ${at(0.99).toFixed(1)} ms > 280 ms`);
      assert.ok(
        at(0.95) <= 100,
        `p95 ${at(0.95).toFixed(1)} ms > 100 ms: ${sorted.map((l) => l.toFixed(0)).join(' ')}`,
      );
    } finally {
      await tail.stop();
    }
  },
);
