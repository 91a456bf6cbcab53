import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';

/**
 * The ground truth is Python itself: test/python/write_logs.py logs through the guide's LOGGING
 * dict (real RotatingFileHandlers, forced to rotate often) and says what it logged. smsmon must
 * read every record back, tracebacks and unescaped sms messages included.
 */
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const FAMILIES = ['app', 'errors', 'sms'] as const;
type Family = (typeof FAMILIES)[number];

interface FamilyTruth {
  records: number;
  levels: Record<string, number>;
  tracebacks: number;
  /** The message and traceback exactly as Formatter.format joined them. */
  withTraceback: { level: string; message: string; exc_text: string; written: string }[];
  files: string[];
  notJsonClean?: string[];
  errorRecords: number;
  errorTypesByLevel: Record<string, Record<string, number>>;
  processingTime: Record<string, number> | null;
}

interface CliRecord {
  time: string | null;
  time_text: string;
  level: string;
  message: string;
  exc_text: string;
  file: string;
  recovered: boolean;
  unparsed: boolean;
}

// Never skipped: without python3 there is no ground truth, and the test says so by failing.
const python = spawnSync('python3', ['--version']);
const pythonMissing = python.error !== undefined || python.status !== 0;

const dir = mkdtempSync(join(tmpdir(), 'smsmon-python-corpus-'));
after(() => rmSync(dir, { recursive: true, force: true }));

let truth: Record<Family, FamilyTruth>;
const read = {} as Record<Family, CliRecord[]>;

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): string {
  const result = spawnSync(command, args, {
    cwd: repoRoot,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    env: { ...process.env, FORCE_COLOR: undefined, ...env },
  });
  if (result.error) throw result.error;
  assert.equal(result.status, 0, `${command} ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return result.stdout;
}

/** What a reader hands back for one record, joined the way Python wrote it. */
function readBack(record: CliRecord): string {
  return record.exc_text === '' ? record.message : `${record.message}\n${record.exc_text}`;
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

describe('smsmon reads what Python logging really wrote', () => {
  before(() => {
    assert.ok(
      !pythonMissing,
      'python3 is required: this test compares smsmon with what Python logging wrote',
    );
    const args = ['--dir', dir, '--records', '3000', '--seed', '5'];
    const sizes = ['--max-bytes-app', '80000', '--max-bytes-errors', '60000', '--max-bytes-sms', '50000'];
    const stdout = run('python3', ['test/python/write_logs.py', ...args, ...sizes], { TZ: 'UTC' });
    truth = (JSON.parse(stdout) as { families: Record<Family, FamilyTruth> }).families;
    for (const family of FAMILIES) {
      const cli = ['bin/smsmon.js', 'logs', 'search', family, '--dir', dir, '--ndjson'];
      const out = run(process.execPath, cli, { NO_COLOR: '1', TZ: 'UTC' });
      read[family] = out
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as CliRecord);
    }
  });

  test('the Python run rotated every family several times', () => {
    for (const family of FAMILIES)
      assert.ok(truth[family].files.length >= 3, `${family}: ${truth[family].files}`);
  });

  for (const family of FAMILIES) {
    test(`${family}: record counts per level equal what Python logged`, () => {
      const expected = new Map(Object.entries(truth[family].levels).filter(([, n]) => n > 0));
      const unparsed = read[family].filter((r) => r.unparsed);
      assert.deepEqual(unparsed.slice(0, 3), [], `${unparsed.length} unparsed records`);
      assert.deepEqual(
        countBy(read[family], (r) => r.level),
        expected,
      );
    });

    test(`${family}: every traceback comes back intact with its message`, () => {
      const got = countBy(read[family], readBack);
      const missing = truth[family].withTraceback.filter(({ written }) => {
        const left = got.get(written) ?? 0;
        got.set(written, left - 1);
        return left === 0;
      });
      const example = missing[0];
      const firstLine = example?.message.split('\n')[0] ?? '';
      const nearest = read[family].find((r) => r.message.startsWith(firstLine));
      assert.equal(
        missing.length,
        0,
        `${missing.length} of ${truth[family].tracebacks} tracebacks differ; first expected ` +
          `${JSON.stringify(example)}\n  nearest record read: ${JSON.stringify(nearest)}`,
      );
    });

    test(`${family}: exc_text holds the traceback (starting at "Traceback (most recent call last):")`, () => {
      const withExc = read[family].filter((r) => r.exc_text.startsWith('Traceback (most recent call last):'));
      assert.equal(withExc.length, truth[family].tracebacks);
    });

    test(`${family}: times are the asctime read in TZ=UTC`, () => {
      const wrong = read[family].filter(
        (r) => r.time !== `${r.time_text.replace(' ', 'T').replace(',', '.')}Z`,
      );
      assert.deepEqual(wrong.slice(0, 3), []);
    });
  }

  test('sms: every message that is not valid JSON comes back exactly as logged, recovered', () => {
    const recovered = countBy(
      read.sms.filter((r) => r.recovered),
      (r) => r.message,
    );
    const dirty = truth.sms.notJsonClean ?? [];
    assert.ok(dirty.length > 100, 'the Python run should log many hostile sms bodies');
    const missing = dirty.filter((message) => {
      const left = recovered.get(message) ?? 0;
      recovered.set(message, left - 1);
      return left === 0;
    });
    const nearest = read.sms.find((r) => r.message.startsWith(missing[0]?.slice(0, 30) ?? '\0'));
    assert.deepEqual(
      missing.slice(0, 3),
      [],
      `${missing.length} of ${dirty.length} differ; nearest record read: ${JSON.stringify(nearest)}`,
    );
  });

  test('sms: clean messages are not marked recovered', () => {
    const dirty = truth.sms.notJsonClean?.length ?? 0;
    assert.equal(read.sms.filter((r) => r.recovered).length, dirty);
  });
  for (const family of ['errors', 'app'] as const) {
    test(`errors count ${family}: every exception type Python logged at ERROR+ and the total`, () => {
      const out = run(
        process.execPath,
        ['bin/smsmon.js', 'errors', 'count', family, '--dir', dir, '--json', '--qualified'],
        {
          NO_COLOR: '1',
          TZ: 'UTC',
        },
      );
      const result = JSON.parse(out) as { total: number; groups: { type: string; count: number }[] };
      assert.equal(result.total, truth[family].errorRecords);
      const expected = new Map<string, number>();
      for (const level of ['ERROR', 'CRITICAL']) {
        for (const [type, n] of Object.entries(truth[family].errorTypesByLevel[level] ?? {})) {
          if (n > 0) expected.set(type, (expected.get(type) ?? 0) + n);
        }
      }
      const exceptions = result.groups.filter((g) => !g.type.includes(': '));
      assert.deepEqual(new Map(exceptions.map((g) => [g.type, g.count])), expected);
    });
  }
  test('latency --exact: every processing_time value Python logged, exact nearest-rank percentiles', () => {
    const expected = truth.app.processingTime!;
    const cli = ['bin/smsmon.js', 'latency', 'app', '--dir', dir, '--json'];
    const read = (extra: string[]) =>
      JSON.parse(run(process.execPath, [...cli, ...extra], { NO_COLOR: '1', TZ: 'UTC' })) as {
        count: number;
        min: number;
        max: number;
        garbage: number;
        percentiles: Record<string, number>;
      };
    const exact = read(['--exact']);
    assert.deepEqual(
      { count: exact.count, min: exact.min, max: exact.max, ...exact.percentiles },
      {
        count: expected.count,
        min: expected.min,
        max: expected.max,
        p50: expected.p50,
        p90: expected.p90,
        p95: expected.p95,
        p99: expected.p99,
        'p99.9': expected['p99.9'],
      },
    );
    // The truth also counts `processing_time abc` (a word after a space) as garbage; smsmon reads
    // that spelling as prose, like "processing_time exceeded", so it may count fewer.
    assert.ok(
      exact.garbage > 0 && exact.garbage <= expected.garbage!,
      `garbage ${exact.garbage} of ${expected.garbage}`,
    );
    const sketch = read([]);
    for (const [name, value] of Object.entries(exact.percentiles)) {
      assert.ok(
        Math.abs(sketch.percentiles[name]! - value) <= 0.01 * value,
        `${name}: ${sketch.percentiles[name]} vs ${value}`,
      );
    }
  });
});
