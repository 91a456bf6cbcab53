import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, REPO, runSmsmon, type RunResult } from '../kit/runSmsmon.js';

/**
 * Log injection: SMS bodies with a newline and a well-formed header, logged through the guide's
 * LOGGING dict by Python itself (test/python/write_injected_logs.py), forge whole records. Each
 * forged record must come out `suspect: "injected"`, with a marker in text and a count on stderr;
 * the real corpora (bundled sample logs, Python's own corpus) must come out with none.
 */
const dirs: string[] = [];
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'smsmon-inject-'));
  dirs.push(dir);
  return dir;
}

// Never skipped: without python3 the hostile logs cannot be written, and the test says so by failing.
function python(script: string, args: string[]): string {
  const result = spawnSync('python3', [join(REPO, 'test/python', script), ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  assert.equal(result.error, undefined, `python3 is needed to write the logs: ${String(result.error)}`);
  assert.equal(result.status, 0, `${script} exited ${result.status}: ${result.stderr}`);
  return result.stdout;
}

interface JsonRecord {
  module: string;
  level: string;
  message: string;
  suspect: string | null;
}

const ndjson = (run: RunResult): JsonRecord[] =>
  run.stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as JsonRecord);

/** The count the stderr notice gives, 0 when there is none. */
function injectedOnStderr(stderr: string): number {
  const match = /(\d+) records? looks? injected \(a header inside another record's message; see README/.exec(
    stderr,
  );
  return match ? Number(match[1]) : 0;
}

async function smsmon(args: string[]): Promise<RunResult> {
  const run = await runSmsmon(args);
  assert.ok(run.code === 0 || run.code === 1, `smsmon ${args.join(' ')} exited ${run.code}: ${run.stderr}`);
  return run;
}

let dir: string;
const FORGED = { app: 3, errors: 2, sms: 1 } as const;

before(() => {
  dir = tempDir();
  assert.deepEqual(JSON.parse(python('write_injected_logs.py', ['--dir', dir])), {
    ...FORGED,
    errorsRecords: 6,
    appErrorRecords: 7,
  });
});

describe('forged records written by Python', () => {
  for (const family of ['app', 'errors', 'sms'] as const) {
    test(`logs search ${family}: every forged record is marked, in text, --ndjson and --json, and counted`, async () => {
      const text = await smsmon(['logs', 'search', family, '--dir', dir]);
      const marked = text.stdout.split('\n').filter((l) => l.includes('[suspect: injected]'));
      assert.equal(marked.length, FORGED[family], text.stdout);
      assert.ok(
        marked.every((l) => / forged( 1\/2)? \[suspect: injected\] forged/.test(l)),
        marked.join('\n'),
      );
      assert.equal(injectedOnStderr(text.stderr), FORGED[family], text.stderr);

      const records = ndjson(await smsmon(['logs', 'search', family, '--dir', dir, '--ndjson']));
      const suspects = records.filter((r) => r.suspect === 'injected');
      assert.equal(suspects.length, FORGED[family]);
      assert.ok(suspects.every((r) => r.module === 'forged'));
      assert.ok(records.every((r) => r.suspect === (r.module === 'forged' ? 'injected' : null)));

      const array = JSON.parse((await smsmon(['logs', 'search', family, '--dir', dir, '--json'])).stdout);
      assert.equal((array as JsonRecord[]).filter((r) => r.suspect === 'injected').length, FORGED[family]);
    });
  }

  test('logs search --level ERROR+ (records of other levels skipped unread) still marks them', async () => {
    const run = await smsmon(['logs', 'search', 'app', '--level', 'ERROR+', '--dir', dir, '--ndjson']);
    assert.equal(ndjson(run).filter((r) => r.suspect === 'injected').length, 3);
    assert.equal(injectedOnStderr(run.stderr), 3);
  });

  test('errors count: forged ERRORs are still counted, and reported (stderr, --json, text)', async () => {
    const json = await smsmon(['errors', 'count', '--dir', dir, '--json']);
    const report = JSON.parse(json.stdout) as { total: number; suspect: number };
    assert.deepEqual([report.total, report.suspect], [6, 2]);
    assert.equal(injectedOnStderr(json.stderr), 2);
    const text = await smsmon(['errors', 'count', 'app', '--dir', dir]);
    assert.match(text.stdout, /7 errors, 3 of them look injected/);
    assert.equal(injectedOnStderr(text.stderr), 3);
  });

  test('errors count --threads 2: the counts come back from the worker thread too', async () => {
    const rotated = tempDir();
    const second = tempDir();
    python('write_injected_logs.py', ['--dir', second]);
    copyFileSync(join(dir, 'app.log'), join(rotated, 'app.log.1'));
    copyFileSync(join(second, 'app.log'), join(rotated, 'app.log'));
    const run = await smsmon(['errors', 'count', 'app', '--dir', rotated, '--json', '--threads', '2']);
    const report = JSON.parse(run.stdout) as { total: number; suspect: number };
    assert.deepEqual([report.total, report.suspect], [14, 6]);
    assert.equal(injectedOnStderr(run.stderr), 6);
  });

  test('logs tail -n (read backwards) marks them', async () => {
    for (const family of ['app', 'sms'] as const) {
      const run = await smsmon(['logs', 'tail', family, '-n', '50', '--dir', dir, '--ndjson']);
      const records = ndjson(run);
      assert.ok(records.every((r) => r.suspect === (r.module === 'forged' ? 'injected' : null)));
      assert.equal(records.filter((r) => r.suspect).length, FORGED[family]);
      assert.equal(injectedOnStderr(run.stderr), FORGED[family]);
    }
  });

  test('logs tail -f marks them as they are written', async () => {
    const live = tempDir();
    const file = join(live, 'sms.log');
    const written = readFileSync(join(dir, 'sms.log'), 'utf8').split('\n');
    writeFileSync(file, written[0] + '\n');
    const child = spawn(process.execPath, [BIN, 'logs', 'tail', '-f', file, '-n', '1', '--ndjson'], {
      env: { ...process.env, FORCE_COLOR: undefined, NO_COLOR: '1', TZ: 'UTC' },
    });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    const waitFor = async (text: string): Promise<void> => {
      const deadline = Date.now() + 10_000;
      while (!stdout.includes(text)) {
        assert.ok(Date.now() < deadline, `timed out waiting for ${text}; stdout: ${stdout}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    await waitFor('+15550000007');
    appendFileSync(file, written.slice(1).join('\n'));
    await waitFor('Outgoing SMS');
    child.kill('SIGINT');
    await new Promise((resolve) => child.on('close', resolve));
    const records = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as JsonRecord);
    assert.deepEqual(
      records.map((r) => [r.module, r.suspect]),
      [
        ['write_injected_logs', null],
        ['write_injected_logs', null],
        ['forged', 'injected'],
        ['write_injected_logs', null],
      ],
    );
  });
});

describe('no false positives on real logs', () => {
  test('the bundled sample logs: no record looks injected', async () => {
    const logs = join(REPO, 'fixtures/logs');
    for (const family of ['app', 'errors', 'sms']) {
      const run = await smsmon(['logs', 'search', family, '--dir', logs, '--ndjson']);
      assert.ok(ndjson(run).length > 50);
      assert.equal(ndjson(run).filter((r) => r.suspect !== null).length, 0, family);
      assert.equal(injectedOnStderr(run.stderr), 0, run.stderr);
      const tail = await smsmon(['logs', 'tail', family, '-n', '100000', '--dir', logs, '--ndjson']);
      assert.equal(ndjson(tail).filter((r) => r.suspect !== null).length, 0, family);
    }
    const count = await smsmon(['errors', 'count', 'app', '--dir', logs, '--json']);
    assert.equal((JSON.parse(count.stdout) as { suspect: number }).suspect, 0);
  });

  test("Python's own corpus (the guide's LOGGING, rotated): no record looks injected", async () => {
    const corpus = tempDir();
    python('write_logs.py', ['--dir', corpus, '--records', '3000', '--max-bytes-app', '60000']);
    for (const family of ['app', 'errors', 'sms']) {
      const run = await smsmon(['logs', 'search', family, '--dir', corpus, '--ndjson']);
      assert.ok(ndjson(run).length > 100);
      assert.equal(ndjson(run).filter((r) => r.suspect !== null).length, 0, family);
      assert.equal(injectedOnStderr(run.stderr), 0, run.stderr);
    }
  });
});
