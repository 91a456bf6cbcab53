import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, REPO } from '../kit/runSmsmon.js';

/**
 * Hostile records written through Python's real logging (test/python/write_hostile_records.py):
 * a 32 MB line, a 32 MB exception class name, a traceback of about 100,000 lines and a CRLF
 * file. Each command must take time and memory that do not grow with the line, keep the final
 * exception, and say what it cut. Peak RSS comes from GNU time (/usr/bin/time -f %M).
 */
const LINE_BYTES = 32_000_000;
/** Node alone is ~50 MB; the reader keeps about 1 MiB of a line plus its read buffers. */
const MAX_RSS_KB = 160_000;
const MAX_SECONDS = 8;

const root = mkdtempSync(join(tmpdir(), 'smsmon-hostile-'));
after(() => rmSync(root, { recursive: true, force: true }));

function write(kind: string, file: string, size: number): string {
  const dir = join(root, kind);
  mkdirSync(dir, { recursive: true });
  const script = join(REPO, 'test/python/write_hostile_records.py');
  const args = [script, '--file', join(dir, file), '--kind', kind, '--size', String(size)];
  const result = spawnSync('python3', args, { encoding: 'utf8' });
  assert.equal(result.status, 0, `python3 ${args.join(' ')} (python3 is needed): ${result.stderr}`);
  return dir;
}

interface Measured {
  stdout: string;
  stderr: string;
  code: number | null;
  rssKb: number;
  seconds: number;
}

/** Runs the built binary under GNU time, which reports the peak RSS on its last stderr line. */
function measured(args: readonly string[]): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn('/usr/bin/time', ['-f', '%M', process.execPath, BIN, ...args], {
      env: { ...process.env, FORCE_COLOR: undefined, NO_COLOR: '1', TZ: 'UTC' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', (error) => reject(new Error(`/usr/bin/time (GNU time) is needed: ${error.message}`)));
    child.on('close', (code) => {
      const lines = stderr.trimEnd().split('\n');
      const rssKb = Number(lines.pop());
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      resolve({ stdout, stderr: lines.join('\n'), code, rssKb, seconds });
    });
  });
}

function assertBounded(run: Measured, what: string): void {
  assert.ok(run.rssKb > 0 && run.rssKb < MAX_RSS_KB, `${what}: peak RSS ${run.rssKb} KB`);
  assert.ok(run.seconds < MAX_SECONDS, `${what}: ${run.seconds.toFixed(1)} s`);
}

interface ErrorCount {
  total: number;
  groups: Array<{ type: string; count: number; sample: string }>;
}

test('a 32 MB line: logs tail and metrics collect stay fast and small, and say what they cut', async () => {
  const dir = write('long-line', 'app.log', LINE_BYTES);
  const tail = await measured(['logs', 'tail', '-n', '5', '-d', dir]);
  assert.equal(tail.code, 0, tail.stderr);
  assertBounded(tail, 'logs tail -n 5');
  const lines = tail.stdout.trimEnd().split('\n');
  assert.equal(lines.length, 3);
  assert.match(lines[1]!, /huge x+ \(truncated: \d+ bytes left out\)$/);
  assert.ok(lines[1]!.length < 1.1 * 1024 * 1024);
  assert.match(tail.stderr, /1 record truncated/);

  const collect = await measured(['metrics', 'collect', '--no-system', '--no-database', '-d', dir, '--json']);
  assert.equal(collect.code, 0, collect.stderr);
  assertBounded(collect, 'metrics collect');
  const metrics = (JSON.parse(collect.stdout) as { metrics: Record<string, number> }).metrics;
  assert.equal(metrics.log_records_last_hour, 3);
  assert.equal(metrics.log_error_last_hour, 1);
});

test('a 32 MB line and a 32 MB class name: errors count keys and samples are capped', async () => {
  for (const [kind, type, sample] of [
    ['long-line', /^write_hostile_records: huge x+…$/, /^huge x+…$/],
    ['long-type', /^E+…$/, /^failed with a long class name$/],
  ] as const) {
    const dir = write(kind, 'errors.log', LINE_BYTES);
    const run = await measured(['errors', 'count', '--json', '-d', dir]);
    assert.equal(run.code, 0, run.stderr);
    assertBounded(run, `errors count (${kind})`);
    const { total, groups } = JSON.parse(run.stdout) as ErrorCount;
    assert.equal(total, 1);
    assert.match(groups[0]!.type, type);
    assert.ok(groups[0]!.type.length <= 201, `a key of ${groups[0]!.type.length} characters`);
    assert.match(groups[0]!.sample, sample);
    assert.ok(groups[0]!.sample.length <= 201);
    assert.match(run.stderr, /1 record truncated/);
  }
});

test('a traceback of ~100,000 lines is one record that keeps its exception type', async () => {
  const dir = write('deep-trace', 'errors.log', 66_000);
  const count = await measured(['errors', 'count', '--json', '-d', dir]);
  assert.equal(count.code, 0, count.stderr);
  const { total, groups } = JSON.parse(count.stdout) as ErrorCount;
  assert.equal(total, 1);
  assert.equal(groups[0]!.type, 'ValueError');
  assert.doesNotMatch(count.stderr, /unparsed/);

  const search = await measured(['logs', 'search', 'errors', '-d', dir, '--json']);
  assert.equal(search.code, 0, search.stderr);
  assertBounded(search, 'logs search');
  const records = JSON.parse(search.stdout) as Array<{ exc_text: string; truncated_bytes: number }>;
  assert.equal(records.length, 3);
  // The traceback's size depends on the checkout's path (every frame names the script).
  const size = statSync(join(dir, 'errors.log')).size;
  assert.ok(
    records[1]!.truncated_bytes > size - 1.5 * 1024 * 1024,
    `${records[1]!.truncated_bytes} of ${size} bytes cut`,
  );
  assert.match(records[1]!.exc_text, /\nValueError: bottom reached$/);
  assert.equal(records[0]!.truncated_bytes, 0);
});

test('a CRLF file: the traceback is split and its type is RateLimitError', async () => {
  const dir = write('crlf', 'errors.log', 0);
  const count = await measured(['errors', 'count', '--json', '-d', dir]);
  assert.equal(count.code, 0, count.stderr);
  const { groups } = JSON.parse(count.stdout) as ErrorCount;
  assert.deepEqual(
    groups.map((g) => [g.type, g.count, g.sample]),
    [['RateLimitError', 1, 'OpenAI call failed']],
  );
  for (const args of [
    ['logs', 'search', 'errors'],
    ['logs', 'search', 'errors', '--level', 'ERROR'],
  ]) {
    const search = await measured([...args, '-d', dir, '--json']);
    const records = JSON.parse(search.stdout) as Array<{ message: string; exc_text: string; level: string }>;
    const error = records.find((r) => r.level === 'ERROR')!;
    assert.equal(error.message, 'OpenAI call failed', args.join(' '));
    assert.match(
      error.exc_text,
      /^Traceback \(most recent call last\):\n[^]*\nRateLimitError: Error code: 429$/,
    );
  }
});
