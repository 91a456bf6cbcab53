import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN } from './run.js';

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
    env: { ...process.env, NO_COLOR: '1', TZ: 'UTC' },
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
    async interrupt(): Promise<number | null> {
      child.kill('SIGINT');
      return exited;
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
