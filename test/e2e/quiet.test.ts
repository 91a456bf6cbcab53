import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { Command } from 'commander';
import { COMMANDS } from '../../src/commands/index.js';
import { BIN, REPO, runSmsmon } from '../kit/runSmsmon.js';

/** Commands that print no result to stdout: a screen (top) and a server (exporter). */
const NO_RESULT = new Set(['top', 'exporter']);

test('every command that prints a result takes -q, --quiet', () => {
  for (const { name, define, load } of COMMANDS) {
    if (!load || NO_RESULT.has(name)) continue;
    const options = define(new Command(name)).options;
    assert.ok(
      options.some((o) => o.short === '-q' && o.long === '--quiet'),
      `${name} has no -q, --quiet`,
    );
  }
});

const LOGS = ['--dir', 'fixtures/logs'];

/** [args, exit code]: -q prints nothing on stdout; the exit code is the same as without it. */
const CASES: Array<[string[], number]> = [
  [['logs', 'search', ...LOGS, '--level', 'ERROR'], 0],
  [['logs', 'search', ...LOGS, '--grep', 'no such words anywhere'], 1],
  [['logs', 'search', ...LOGS, '--json', '--grep', 'no such words anywhere'], 1],
  [['logs', 'tail', ...LOGS, '-n', '5'], 0],
  [['errors', 'count', ...LOGS], 0],
  [['errors', 'count', ...LOGS, '--fail-over', '1'], 1],
  [['latency', ...LOGS], 0],
  [['latency', ...LOGS, '--fail-over', 'p50=1ms'], 1],
  [['latency', ...LOGS, '--grep', 'no such words anywhere'], 5],
  [['config', 'show'], 0],
  [['config', 'schema'], 0],
  [['metrics', 'collect', '--no-system', '--no-database', ...LOGS], 0],
];

for (const [args, code] of CASES)
  test(`${args.join(' ')} -q: no stdout, exit ${code}`, async () => {
    const loud = await runSmsmon(args);
    const quiet = await runSmsmon([...args, '-q']);
    assert.equal(loud.code, code, loud.stderr);
    if (code !== 1) assert.notEqual(loud.stdout, '', 'without -q there is a result');
    assert.equal(quiet.code, code, quiet.stderr);
    assert.equal(quiet.stdout, '');
  });

test('latency -q: the reasons for exit 1 and exit 5 still on stderr', async () => {
  const over = await runSmsmon(['latency', ...LOGS, '--fail-over', 'p50=1ms', '-q']);
  assert.match(over.stderr, /^smsmon: p50 \S+ exceeds --fail-over p50=1ms$/m);
  const none = await runSmsmon(['latency', ...LOGS, '--grep', 'no such words anywhere', '-q']);
  assert.equal(none.stderr, 'smsmon: no processing_time value found in the matching records\n');
});

test('logs search -q ends at the first match, as grep -q: stdin is never read to its end', async () => {
  const child = spawn(process.execPath, [BIN, 'logs', 'search', '-', '--level', 'ERROR', '-q'], {
    cwd: REPO,
    env: { ...process.env, FORCE_COLOR: undefined, NO_COLOR: '1', TZ: 'UTC' },
  });
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  // A match and two more records (the last one waits for its end; the one before it is the
  // match's lookahead), stdin left open: only the match can end the run. These bytes are all in
  // the chunk read to detect the format, so the scan stops before stdin's own reader is reached.
  child.stdin.on('error', () => undefined); // EPIPE: it stopped reading, as it should
  child.stdin.write(
    'ERROR 2024-01-20 10:00:00,000 views 11 22 boom\n' +
      'INFO 2024-01-20 10:00:01,000 views 11 22 fine\n'.repeat(2),
  );
  const timer = setTimeout(() => child.kill(), 10_000);
  const code = await exited;
  clearTimeout(timer);
  child.stdin.destroy();
  assert.equal(code, 0, 'exited by itself with 0');
  assert.equal(stdout, '');
});
