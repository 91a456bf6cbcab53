import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { BIN, REPO, runSmsmon } from '../kit/runSmsmon.js';

const COMMANDS = [
  ['logs', 'tail'],
  ['logs', 'search'],
  ['errors', 'count'],
  ['latency'],
  ['config'],
  ['config', 'show'],
  ['config', 'schema'],
  ['health'],
];

for (const command of COMMANDS) {
  test(`smsmon ${command.join(' ')} --help shows examples and exits 0`, async () => {
    const { stdout, code } = await runSmsmon([...command, '--help']);
    assert.equal(code, 0);
    // An example whose comment does not fit beside it at 80 columns has it on the line above.
    assert.match(stdout, /Examples:\n(?: {2}# .*\n)? {2}\$ smsmon /);
    assert.match(stdout, /Exit: 0/);
  });
}

test('--version prints the package version', async () => {
  const { stdout, code } = await runSmsmon(['--version']);
  assert.equal(code, 0);
  assert.match(stdout, /^\d+\.\d+\.\d+\n$/);
});

test('an unknown option is a usage error (exit 2)', async () => {
  const { stderr, code } = await runSmsmon(['logs', 'search', '--bogus']);
  assert.equal(code, 2);
  assert.match(stderr, /unknown option '--bogus'/);
});

test('| head never crashes: the scan stops quietly with exit 0 when the reader goes away', () => {
  const script = `node ${JSON.stringify(BIN)} logs search --dir fixtures/logs --ndjson | head -n 1 >/dev/null; echo "\${PIPESTATUS[0]}"`;
  const result = spawnSync('bash', ['-c', script], {
    cwd: REPO,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: undefined, NO_COLOR: '1' },
  });
  assert.equal(result.stdout.trim(), '0', result.stderr);
  assert.doesNotMatch(result.stderr, /EPIPE|Error/);
});

test('colour codes only with a terminal: NO_COLOR output and piped output carry no escapes', async () => {
  const { stdout } = await runSmsmon(['logs', 'tail', '--dir', 'fixtures/logs', '-n', '3'], {
    env: { NO_COLOR: '' },
  });
  assert.doesNotMatch(stdout, /\x1b\[/);
});

test('an option that takes a value never swallows a following option; every error says smsmon:', async () => {
  const swallowed = await runSmsmon(['logs', 'tail', '--dir', 'fixtures/logs', '--grep', '-i', 'timeout']);
  assert.equal(swallowed.code, 2);
  assert.equal(
    swallowed.stderr,
    'smsmon: --grep takes a value, but "-i" is an option (to give "-i" as its value, write --grep=-i)\n',
  );
  const intended = await runSmsmon(['logs', 'tail', '--dir', 'fixtures/logs', '-i', '--grep', 'RATE']);
  assert.equal(intended.code, 0, intended.stderr);
  const health = await runSmsmon(['health', '--timeout', '-w']);
  assert.equal(health.code, 3, 'health: a usage error is UNKNOWN');
  for (const args of [['logs', 'search', '--bogus'], ['errors', 'count', '--top'], ['nosuch']]) {
    const { stderr, code } = await runSmsmon(args);
    assert.equal(code, 2, args.join(' '));
    assert.match(stderr, /^smsmon: /, stderr);
    assert.doesNotMatch(stderr, /^error:/m, stderr);
  }
});
