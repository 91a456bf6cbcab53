import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN } from '../kit/runSmsmon.js';

const dirs: string[] = [];
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'smsmon-tailf-'));
  dirs.push(dir);
  return dir;
}

/** Starts `smsmon logs tail -f …` and lets the test wait for text to appear on its stdout. */
function follow(args: string[]) {
  const child = spawn(process.execPath, [BIN, 'logs', 'tail', '-f', ...args], {
    env: { ...process.env, FORCE_COLOR: undefined, NO_COLOR: '1', TZ: 'UTC' },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return {
    get stdout() {
      return stdout;
    },
    async waitFor(text: string, timeoutMs = 10_000): Promise<void> {
      const deadline = Date.now() + timeoutMs;
      while (!stdout.includes(text)) {
        if (Date.now() > deadline)
          assert.fail(`timed out waiting for ${JSON.stringify(text)}; stdout: ${stdout}; stderr: ${stderr}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    get stderr() {
      return stderr;
    },
    async interrupt(): Promise<number | null> {
      child.kill('SIGINT');
      return exited;
    },
    /** The exit code, failing if smsmon is still running after `ms` (then it is killed). */
    async exitWithin(ms: number): Promise<number | null> {
      const timer = setTimeout(() => child.kill('SIGKILL'), ms);
      const code = await exited;
      clearTimeout(timer);
      assert.notEqual(child.signalCode, 'SIGKILL', `still running after ${ms} ms; stderr: ${stderr}`);
      return code;
    },
    async terminate(ms: number): Promise<number | null> {
      child.kill('SIGTERM');
      return this.exitWithin(ms);
    },
  };
}

const line = (n: number, level = 'INFO') => `${level} 2024-01-20 16:30:0${n},000 views 1 2 record ${n}\n`;

test('-f on a family whose file does not exist yet: waits, then prints it from the start; Ctrl-C exits 0', async () => {
  const dir = tempDir();
  const tail = follow(['--dir', dir, '--raw']);
  await new Promise((r) => setTimeout(r, 700));
  writeFileSync(join(dir, 'app.log'), line(1) + line(2));
  await tail.waitFor('record 2');
  assert.equal(tail.stdout, line(1) + line(2));
  assert.equal(await tail.interrupt(), 0);
});

test('-f prints a traceback written last as one whole record once the file goes quiet', async () => {
  const dir = tempDir();
  const file = join(dir, 'app.log');
  writeFileSync(file, line(1));
  const tail = follow([file, '-n', '1', '--ndjson']);
  await tail.waitFor('record 1');
  appendFileSync(file, line(2, 'ERROR') + 'Traceback (most recent call last):\n');
  appendFileSync(file, 'ValueError: x\n');
  await tail.waitFor('ValueError');
  const records = tail.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { message: string; exc_text: string; line: number });
  assert.deepEqual(
    records.map((r) => [r.line, r.message, r.exc_text]),
    [
      [1, 'record 1', ''],
      [2, 'record 2', 'Traceback (most recent call last):\nValueError: x'],
    ],
  );
  assert.equal(await tail.interrupt(), 0);
});

test('-f on an explicit file that does not exist yet waits for it', async () => {
  const dir = tempDir();
  const file = join(dir, 'later.log');
  const tail = follow([file, '--raw']);
  await new Promise((r) => setTimeout(r, 500));
  writeFileSync(file, line(3));
  await tail.waitFor('record 3');
  assert.equal(await tail.interrupt(), 0);
});

/** Runs `command` in bash; `ms` is how long it ran on after its first output. */
function shellAfterOutput(
  command: string,
  timeoutMs: number,
): Promise<{ code: number | null; ms: number; stdout: string }> {
  return new Promise((resolve) => {
    // Its own process group, so a timeout kills smsmon too, not only bash.
    const child = spawn('bash', ['-c', command], {
      env: { ...process.env, FORCE_COLOR: undefined, NO_COLOR: '1', TZ: 'UTC' },
      detached: true,
    });
    let stdout = '';
    let firstOutput = Infinity;
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      firstOutput = Math.min(firstOutput, performance.now());
      stdout += d;
    });
    const timer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, ms: performance.now() - firstOutput, stdout });
    });
  });
}

test('-f | head -1 on an idle log: smsmon exits 0 as soon as head has gone', async () => {
  const dir = tempDir();
  const file = join(dir, 'app.log');
  writeFileSync(file, line(1) + line(2));
  // A real pipe, as a shell makes it; nothing is written to the log while smsmon follows it.
  const run = await shellAfterOutput(
    `node ${JSON.stringify(BIN)} logs tail -f --raw -n 2 ${JSON.stringify(file)} | head -1; exit \${PIPESTATUS[0]}`,
    10_000,
  );
  assert.equal(run.stdout, line(1));
  assert.equal(run.code, 0, `smsmon exit status ${run.code} after ${run.ms.toFixed(0)} ms`);
  // Timed from head's line: a follower waiting for the next write to see the closed pipe never ends.
  assert.ok(run.ms < 1_000, `smsmon ran on for ${run.ms.toFixed(0)} ms after head had its line`);
});

/** Follows app.log, then replaces it by a FIFO of the same name, as a hostile or mistaken admin might. */
async function followUntilFifo(): Promise<{ file: string; tail: ReturnType<typeof follow> }> {
  const file = join(tempDir(), 'app.log');
  writeFileSync(file, line(1));
  const tail = follow([file, '--raw', '-n', '1']);
  await tail.waitFor('record 1');
  execFileSync('mkfifo', [`${file}.fifo`]);
  renameSync(`${file}.fifo`, file);
  return { file, tail };
}

test('-f: the log replaced by a FIFO stops with one line and exit 3, without opening it', async () => {
  const { file, tail } = await followUntilFifo();
  const code = await tail.exitWithin(5_000);
  assert.equal(code, 3, tail.stderr);
  assert.equal(tail.stderr, `smsmon: cannot follow ${file}: it is a FIFO, not a regular file\n`);
});

test('-f: SIGTERM right after the log became a FIFO still ends smsmon at once', async () => {
  const { tail } = await followUntilFifo();
  await new Promise((r) => setTimeout(r, 50)); // the follower may already be looking at it
  const code = await tail.terminate(2_000);
  assert.ok(code === 0 || code === 3, `exit ${code}; stderr: ${tail.stderr}`);
});
