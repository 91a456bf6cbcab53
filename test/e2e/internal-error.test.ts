import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { runSmsmon, type RunResult } from '../kit/runSmsmon.js';

/**
 * A crash exits 70 (EX_SOFTWARE), never 1 ("nothing matched" / "threshold crossed" to a cron job),
 * and prints one line; `health` keeps Nagios 3. smsmon has no fault switch of its own, so each
 * fault is put into the real binary from outside with `node --import <hook>`, which worker
 * threads inherit too.
 */
const hooks = mkdtempSync(join(tmpdir(), 'smsmon-crash-'));
after(() => rmSync(hooks, { recursive: true, force: true }));

const HOOKS = {
  // Worker start-up fails: the Worker's 'error' event.
  workerStart: `import { isMainThread } from 'node:worker_threads';
if (!isMainThread) throw new Error('worker start-up failed on purpose');`,
  // The scan inside a worker throws: the worker's 'crashed' message.
  workerScan: `import { isMainThread } from 'node:worker_threads';
if (!isMainThread) Buffer.prototype.indexOf = () => { throw new Error('a worker scan failed on purpose'); };`,
  // A throw inside the command's own promise.
  writeThrows: `process.stdout.write = () => { throw new Error('stdout write failed on purpose'); };`,
  // A throw outside any promise the command awaits.
  timerThrows: `const write = process.stdout.write.bind(process.stdout);
process.stdout.write = (...args) => { setImmediate(() => { throw new Error('a timer failed on purpose'); }); return write(...args); };`,
  // A promise nobody awaits.
  unhandled: `const write = process.stdout.write.bind(process.stdout);
process.stdout.write = (...args) => { void Promise.reject(new Error('a promise failed on purpose')); return write(...args); };`,
};

function runWithHook(
  hook: keyof typeof HOOKS,
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<RunResult> {
  const path = join(hooks, `${hook}.mjs`);
  writeFileSync(path, HOOKS[hook]);
  return runSmsmon(args, { env, nodeArgs: ['--import', path] });
}

const SHARDED = ['errors', 'count', '--threads', '2', '--dir', 'test/e2e/logs', 'app'];

const CASES: Array<[hook: keyof typeof HOOKS, args: string[], message: string]> = [
  ['workerStart', SHARDED, 'worker start-up failed on purpose'],
  ['workerScan', SHARDED, 'a scan thread failed: a worker scan failed on purpose'],
  ['writeThrows', ['errors', 'count', '--dir', 'test/e2e/logs'], 'stdout write failed on purpose'],
  ['timerThrows', ['errors', 'count', '--dir', 'test/e2e/logs'], 'a timer failed on purpose'],
  ['unhandled', ['logs', 'search', '--dir', 'test/e2e/logs'], 'a promise failed on purpose'],
];

for (const [hook, args, message] of CASES) {
  test(`a crash (${hook}) exits 70 with one line, no stack`, async () => {
    const { code, stderr } = await runWithHook(hook, args);
    assert.equal(code, 70, stderr);
    const crashLines = stderr.split('\n').filter((line) => line.includes('internal error'));
    assert.deepEqual(crashLines, [`smsmon: internal error: ${message}`]);
    assert.doesNotMatch(stderr, /^\s+at /m, 'no stack without SMSMON_DEBUG');
  });
}

test('SMSMON_DEBUG=1 adds the stack, the worker thread’s own for a worker', async () => {
  const { code, stderr } = await runWithHook('workerScan', SHARDED, { SMSMON_DEBUG: '1' });
  assert.equal(code, 70, stderr);
  assert.match(stderr, /^smsmon: internal error: a scan thread failed: a worker scan failed on purpose\n/m);
  assert.match(stderr, /^Error: a worker scan failed on purpose\n\s+at /m);
});

test('health keeps Nagios 3, UNKNOWN, for its internal errors', async () => {
  const { code, stderr } = await runWithHook('writeThrows', ['health', 'http://127.0.0.1:9/health/']);
  assert.equal(code, 3, stderr);
  assert.equal(stderr, 'smsmon: internal error: stdout write failed on purpose\n');
});

test('SMSMON_DEBUG=1 stacks point to the TypeScript sources, in the main thread and a worker', async () => {
  const main = await runWithHook('writeThrows', ['errors', 'count', '--dir', 'test/e2e/logs'], {
    SMSMON_DEBUG: '1',
  });
  assert.match(main.stderr, /^\s+at .*\/src\/sinks\/output\.ts:\d+:\d+\)$/m, main.stderr);
  const worker = await runWithHook('workerScan', SHARDED, { SMSMON_DEBUG: '1' });
  assert.match(worker.stderr, /^\s+at .*\/src\/scan\/shardWorker\.ts:\d+:\d+\)$/m, worker.stderr);
  assert.doesNotMatch(`${main.stderr}${worker.stderr}`, /\/dist\//);
});
