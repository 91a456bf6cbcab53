import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { constants as zlibConstants, gunzipSync, gzipSync } from 'node:zlib';
import { BIN, REPO } from '../kit/runSmsmon.js';

/**
 * Hostile files among a family's: a FIFO (app.log.2, or app.log itself), a unix socket, a .gz
 * cut in half or with bytes flipped mid-stream. Every scan command must skip or stop reading that
 * file with one escaped line naming it, read the others and print their result, exit 3 — never
 * hang (each run is killed after RUN_DEADLINE_MS, which fails the test) and never print nothing.
 */
const RUN_DEADLINE_MS = 15_000;
const root = mkdtempSync(join(tmpdir(), 'smsmon-family-files-'));
after(() => rmSync(root, { recursive: true, force: true }));

/** The app's verbose formatter, through Python's own logging: each file its own run of records. */
const WRITE_LOGS = String.raw`
import logging, sys
dir = sys.argv[1]
def write(name, count, level, exc, message):
    handler = logging.FileHandler(f'{dir}/{name}')
    handler.setFormatter(logging.Formatter('{levelname} {asctime} {module} {process:d} {thread:d} {message}', style='{'))
    log = logging.getLogger(name)
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    for i in range(count):
        if exc is None:
            log.log(level, message, i)
            continue
        try:
            raise exc(f'failure {i} for user_id={i % 97}')
        except exc:
            log.exception(message, i)
    handler.close()
write('app.log.3', 1500, logging.INFO, None, 'POST /sms/webhook/ 200 processing_time=0.250 n=%d')
write('app.log.2', 1500, logging.INFO, None, 'POST /sms/webhook/ 200 processing_time=0.500 n=%d')
write('app.log.1', 1500, logging.INFO, None, 'POST /sms/webhook/ 200 processing_time=0.750 n=%d')
write('app.log', 100, logging.INFO, None, 'POST /sms/webhook/ 200 processing_time=1.000 n=%d')
write('errors.log.2', 3000, logging.ERROR, ValueError, 'task %d failed')
write('errors.log.1', 3000, logging.ERROR, TypeError, 'task %d failed')
write('errors.log', 50, logging.ERROR, KeyError, 'task %d failed')
`;

const written = join(root, 'written');

before(() => {
  mkdirSync(written);
  const python = spawnSync('python3', ['-c', WRITE_LOGS, written], { encoding: 'utf8' });
  assert.equal(
    python.status,
    0,
    `python3 (needed to write the logs) failed: ${python.error ?? python.stderr}`,
  );
});

/** A fresh family directory holding copies of the written files; `name` may hold hostile bytes. */
function familyDir(name: string, files: readonly string[]): string {
  const dir = join(root, name);
  mkdirSync(dir);
  for (const file of files) copyFileSync(join(written, file), join(dir, file));
  return dir;
}

function makeFifo(path: string): void {
  const made = spawnSync('mkfifo', [path]);
  assert.equal(made.status, 0, `mkfifo ${path} failed: ${made.error ?? made.stderr}`);
}

/**
 * gzip of the file, then only its first half (or with 64 bytes flipped in its middle). Returns the
 * text zlib can get out of what is left, the truth of what a reader can count.
 */
function damagedGzip(dir: string, file: string, damage: 'truncated' | 'flipped'): string {
  const gz = gzipSync(readFileSync(join(written, file)));
  const middle = gz.length >> 1;
  const damaged = damage === 'truncated' ? gz.subarray(0, middle) : gz;
  if (damage === 'flipped') for (let i = middle; i < middle + 64; i++) gz[i] = gz[i]! ^ 0xff;
  writeFileSync(join(dir, `${file}.gz`), damaged);
  return damage === 'truncated'
    ? gunzipSync(damaged, { finishFlush: zlibConstants.Z_SYNC_FLUSH }).toString()
    : '';
}

/** Lines of `text` (the last one may be cut) that are whole headers of the verbose format. */
function headersIn(text: string): number {
  return text
    .split('\n')
    .filter((line) => /^[A-Z]+ \d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} \S+ \d+ \d+ /.test(line)).length;
}

const lineCount = (ndjson: string): number => ndjson.split('\n').filter((line) => line !== '').length;

interface Run {
  stdout: string;
  stderr: string;
  code: number | null;
}

/** The built binary, killed after RUN_DEADLINE_MS: a hang fails the assertion on `code`. */
function smsmon(args: readonly string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: REPO,
      env: { ...process.env, FORCE_COLOR: undefined, NO_COLOR: '1', TZ: 'UTC' },
      timeout: RUN_DEADLINE_MS,
      killSignal: 'SIGKILL',
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code, signal) =>
      resolve({ stdout, stderr: signal ? `${stderr}[killed by ${signal}: hung]` : stderr, code }),
    );
    child.stdin.end();
  });
}

/**
 * Exit 3, and stderr names `file` in one "cannot read" line saying why (the scan's other notices,
 * e.g. garbled records of a damaged .gz that look injected, may name it as well).
 */
function assertReported(run: Run, file: string, why: RegExp): void {
  assert.equal(run.code, 3, `exit ${run.code}; stderr: ${run.stderr}`);
  const lines = run.stderr
    .split('\n')
    .filter((l) => l.startsWith('smsmon: cannot read ') && l.includes(file));
  assert.equal(lines.length, 1, `one line naming ${file} expected; stderr: ${run.stderr}`);
  assert.match(lines[0]!, why);
}

interface ErrorsJson {
  total: number;
  groups: Array<{ type: string; count: number }>;
  unreadable?: Array<{ file: string; reason: string }>;
}

const countOf = (report: ErrorsJson, type: string): number =>
  report.groups.find((g) => g.type === type)?.count ?? 0;

describe('a FIFO among the files of a family', () => {
  let dir: string;
  before(() => {
    dir = familyDir('fifo-rotated', ['app.log.3', 'app.log.1', 'app.log', 'errors.log.2', 'errors.log']);
    makeFifo(join(dir, 'app.log.2'));
    makeFifo(join(dir, 'errors.log.1'));
  });
  const fifoLine = /^smsmon: cannot read .*: a FIFO, not a regular file$/;

  test('errors count reads the other files, names the FIFO in --json, exits 3', async () => {
    for (const threads of ['1', '2']) {
      const run = await smsmon(['errors', 'count', '--dir', dir, '--json', '--threads', threads]);
      assertReported(run, 'errors.log.1', fifoLine);
      const report = JSON.parse(run.stdout) as ErrorsJson;
      assert.equal(countOf(report, 'ValueError'), 3000);
      assert.equal(countOf(report, 'KeyError'), 50);
      assert.deepEqual(report.unreadable, [
        { file: join(dir, 'errors.log.1'), reason: 'a FIFO, not a regular file' },
      ]);
    }
  });

  test('logs search prints the records of the other files', async () => {
    const run = await smsmon(['logs', 'search', '--dir', dir, 'app', '--ndjson']);
    assertReported(run, 'app.log.2', fifoLine);
    assert.equal(lineCount(run.stdout), 1500 + 1500 + 100);
  });

  test('latency counts the values of the other files', async () => {
    const run = await smsmon(['latency', '--dir', dir, '--json', '--exact']);
    assertReported(run, 'app.log.2', fifoLine);
    const report = JSON.parse(run.stdout) as { count: number; unreadable: unknown[] };
    assert.equal(report.count, 3100);
    assert.equal(report.unreadable.length, 1);
  });

  test('logs tail -n reading back past it', async () => {
    const run = await smsmon(['logs', 'tail', '-n', '2000', '--dir', dir, 'app', '--ndjson']);
    assertReported(run, 'app.log.2', fifoLine);
    assert.equal(lineCount(run.stdout), 2000);
  });
});

describe('the live file itself a FIFO, a rotated one a unix socket', () => {
  let dir: string;
  let server: Server;
  before(async () => {
    dir = familyDir('fifo-live', ['app.log.3', 'app.log.2', 'app.log.1', 'errors.log.2', 'errors.log']);
    makeFifo(join(dir, 'app.log'));
    server = createServer();
    await new Promise<void>((resolve) => server.listen(join(dir, 'errors.log.1'), resolve));
  });
  after(() => server.close());

  test('logs tail -n skips the FIFO app.log and reads app.log.1', async () => {
    const run = await smsmon(['logs', 'tail', '-n', '3', '--dir', dir, 'app']);
    assertReported(run, 'app.log:', /cannot read .*app\.log: a FIFO, not a regular file$/);
    assert.match(run.stdout, /processing_time=0\.750 n=1499/);
  });

  test('latency --threads 2: the thread reading app.log skips it', async () => {
    const run = await smsmon(['latency', '--dir', dir, '--json', '--exact', '--threads', '2']);
    assertReported(run, 'app.log:', /a FIFO, not a regular file$/);
    const report = JSON.parse(run.stdout) as { count: number; unreadable: Array<{ file: string }> };
    assert.equal(report.count, 4500);
    assert.deepEqual(
      report.unreadable.map((u) => u.file),
      [join(dir, 'app.log')],
    );
  });

  test('exporter --textfile writes the metrics of the other files, exits 3', async () => {
    const prom = join(root, 'fifo-live.prom');
    const run = await smsmon(['exporter', '--dir', dir, '--textfile', prom]);
    assertReported(run, 'app.log:', /a FIFO, not a regular file$/);
    assertReported(run, 'errors.log.1', /a socket, not a regular file$/);
    assert.match(
      readFileSync(prom, 'utf8'),
      /\nsmsmon_log_records_total\{family="app",level="INFO"\} 4500\n/,
    );
  });

  test('errors count skips the socket', async () => {
    const run = await smsmon(['errors', 'count', '--dir', dir, '--json']);
    assertReported(run, 'errors.log.1', /a socket, not a regular file$/);
    const report = JSON.parse(run.stdout) as ErrorsJson;
    assert.equal(report.total, 3050);
  });

  test('logs search app, and a directory name with escapes is printed escaped', async () => {
    const hostile = familyDir('x\x1b]0;owned\x07\x1b[2J\ny', ['app.log.1']);
    makeFifo(join(hostile, 'app.log'));
    const run = await smsmon(['logs', 'search', '--dir', hostile, 'app', '--ndjson']);
    assert.equal(run.code, 3, run.stderr);
    assert.equal(lineCount(run.stdout), 1500);
    assert.doesNotMatch(run.stderr, /[\x07\x1b]/);
    assert.match(run.stderr, /^smsmon: cannot read .*x\\x1b\]0;owned\\x07\\x1b\[2J\\ny\/app\.log: a FIFO/m);
  });
});

describe('a damaged .gz among the files of a family', () => {
  const gzLine =
    /cannot read .*errors\.log\.1\.gz: not valid gzip at compressed byte \d+ \(.+\); read up to there$/;

  test('cut in half: the records before the cut count, the other files too, exit 3', async () => {
    const dir = familyDir('gz-truncated', ['errors.log.2', 'errors.log']);
    const readable = damagedGzip(dir, 'errors.log.1', 'truncated');
    const typeLines = readable.split('\n').filter((line) => line.startsWith('TypeError: ')).length;
    const results: ErrorsJson[] = [];
    for (const threads of ['1', '2']) {
      const run = await smsmon(['errors', 'count', '--dir', dir, '--json', '--threads', threads]);
      assertReported(run, 'errors.log.1.gz', gzLine);
      const report = JSON.parse(run.stdout) as ErrorsJson;
      assert.equal(countOf(report, 'ValueError'), 3000);
      assert.equal(countOf(report, 'KeyError'), 50);
      const before = countOf(report, 'TypeError');
      assert.ok(typeLines > 500 && typeLines < 3000, `TypeErrors before the cut: ${typeLines}`);
      assert.ok(before === typeLines || before === typeLines + 1, `${before} TypeErrors, ${typeLines} lines`);
      assert.equal(report.unreadable?.[0]?.file, join(dir, 'errors.log.1.gz'));
      results.push(report);
    }
    assert.deepEqual(results[1], results[0]);
    const text = await smsmon(['errors', 'count', '--dir', dir]);
    assertReported(text, 'errors.log.1.gz', gzLine);
    assert.match(text.stdout, /KeyError/);
  });

  test('cut in half: logs search and logs tail -n print the records before the cut', async () => {
    const dir = familyDir('gz-truncated-app', ['app.log.3', 'app.log']);
    const before = headersIn(damagedGzip(dir, 'app.log.2', 'truncated'));
    assert.ok(before > 100 && before < 1500, `records before the cut: ${before}`);
    const found = 1500 + before + 100;
    const search = await smsmon(['logs', 'search', '--dir', dir, 'app', '--ndjson']);
    assertReported(search, 'app.log.2.gz', /not valid gzip at compressed byte \d+/);
    assert.equal(lineCount(search.stdout), found);
    const tail = await smsmon(['logs', 'tail', '-n', '5000', '--dir', dir, 'app', '--ndjson']);
    assertReported(tail, 'app.log.2.gz', /not valid gzip at compressed byte \d+/);
    assert.equal(lineCount(tail.stdout), found);
    const latency = await smsmon(['latency', '--dir', dir, '--json', '--exact']);
    assertReported(latency, 'app.log.2.gz', /not valid gzip/);
    assert.equal((JSON.parse(latency.stdout) as { count: number }).count, found);
  });

  test('bytes flipped mid-stream: reported with its offset, the other files read', async () => {
    const dir = familyDir('gz-flipped', ['errors.log.2', 'errors.log']);
    damagedGzip(dir, 'errors.log.1', 'flipped');
    const run = await smsmon(['errors', 'count', '--dir', dir, '--json']);
    assertReported(run, 'errors.log.1.gz', gzLine);
    const report = JSON.parse(run.stdout) as ErrorsJson;
    assert.equal(countOf(report, 'ValueError'), 3000);
    assert.equal(countOf(report, 'KeyError'), 50);
  });
});

test('a pipe the user names is still read: logs search <(cat app.log.1)', async () => {
  const script = `exec "${process.execPath}" "${BIN}" logs search --ndjson <(cat "${join(written, 'app.log.1')}")`;
  const run = spawnSync('bash', ['-c', script], { encoding: 'utf8', timeout: RUN_DEADLINE_MS });
  assert.equal(run.status, 0, run.stderr);
  assert.equal(lineCount(run.stdout), 1500);
});
