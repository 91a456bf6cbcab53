import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { BIN, REPO, runSmsmon, terminalEnv } from '../kit/runSmsmon.js';

/**
 * One colour decision for every command (src/commands/shared/colour.ts): on a real
 * pseudo-terminal (`script`) each command colours its output, and with --no-color it does not.
 * `metrics collect` and `alerts check` used to reject --no-color.
 */
const SGR = /\x1b\[[0-9;]*m/;

function inTerminal(args: string): Promise<{ out: string; code: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      'script',
      ['-qfec', `${process.execPath} ${BIN} ${args}; echo "exit=$?"`, '/dev/null'],
      {
        cwd: REPO,
        stdio: ['ignore', 'pipe', 'inherit'],
        env: terminalEnv({ SMSMON_NOW: '2024-01-20T00:30:00Z' }),
      },
    );
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'ENOENT' ? new Error('script not found: apt-get install -y bsdutils') : error),
    );
    child.on('close', () => {
      const code = /exit=(\d+)/.exec(out);
      if (!code) return reject(new Error(`no exit code in: ${out}`));
      resolve({ out: out.slice(0, code.index), code: Number(code[1]) });
    });
  });
}

const COMMANDS = [
  'metrics collect --no-system --no-database --dir fixtures/logs',
  'alerts check --no-system --no-database --no-health --host web-1 --dir fixtures/logs',
  'errors count --dir fixtures/logs',
  'logs search --dir fixtures/logs --level ERROR',
];

for (const command of COMMANDS) {
  test(`${command}: colours on a terminal, none with --no-color`, async () => {
    const coloured = await inTerminal(command);
    const plain = await inTerminal(`${command} --no-color`);
    assert.match(coloured.out, SGR);
    assert.doesNotMatch(plain.out, SGR, plain.out);
    assert.equal(plain.code, coloured.code, plain.out);
    assert.equal(plain.out.replace(/\x1b\[[0-9;]*m/g, ''), coloured.out.replace(/\x1b\[[0-9;]*m/g, ''));
  });
}

test('a command that prints no colours still takes --no-color, its output unchanged', async () => {
  const plain = await runSmsmon(['config', 'schema']);
  const flagged = await runSmsmon(['config', 'schema', '--no-color']);
  assert.equal(plain.code, 0, plain.stderr);
  assert.deepEqual(flagged, plain);
});

test('--color=always and FORCE_COLOR colour through a pipe (less -R); --color=never and a bad WHEN', async () => {
  const args = ['errors', 'count', '--dir', 'fixtures/logs'];
  const always = await runSmsmon([...args, '--color=always'], { env: { NO_COLOR: '1' } });
  const forced = await runSmsmon(args, { env: { FORCE_COLOR: '1' } });
  const never = await runSmsmon([...args, '--color', 'never'], { env: { FORCE_COLOR: '1' } });
  const piped = await runSmsmon(args);
  assert.equal(always.code, 0, always.stderr);
  assert.match(always.stdout, SGR);
  assert.equal(forced.stdout, always.stdout);
  assert.doesNotMatch(never.stdout, SGR);
  assert.equal(never.stdout, piped.stdout);
  const records = await runSmsmon([
    'logs',
    'search',
    '--dir',
    'fixtures/logs',
    '--level',
    'ERROR',
    '--color=always',
  ]);
  assert.match(records.stdout, SGR);
  const bad = await runSmsmon([...args, '--color=sometimes']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /expected auto, always, never/);
});
