import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { test } from 'node:test';
import { healthBed } from '../kit/healthBed.js';
import { BIN, REPO, terminalEnv } from '../kit/runSmsmon.js';

/**
 * Spinners (ora) for network waits, in a real pseudo-terminal (`script`): drawn on stderr once a
 * wait lasts 300 ms, cleared before the answer; none for a quick answer, with -q, CI or NO_COLOR,
 * or when stdout is a pipe.
 */
const bed = healthBed();
const FRAMES = /[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]/;

function inTerminal(shell: string, env: Record<string, string> = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qec', `stty cols 100; ${shell}`, '/dev/null'], {
      cwd: REPO,
      stdio: ['ignore', 'pipe', 'inherit'],
      env: terminalEnv({ CI: '', ...bed.env, ...env }),
    });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.on('error', reject);
    child.on('close', () => resolve(out));
  });
}

const smsmon = `${process.execPath} ${BIN}`;

test('health: a slow answer shows a spinner naming the URL, then the status line', async () => {
  const url = `${bed.server.base}/slow-answer/900`;
  const out = await inTerminal(`${smsmon} health ${url}`);
  assert.match(out, FRAMES);
  assert.match(out, new RegExp(`checking ${url.replace(/[/.]/g, '\\$&')}`));
  assert.match(out, /HEALTH OK - healthy/);
  assert.ok(out.indexOf('HEALTH OK') > out.search(FRAMES), 'the spinner comes before the answer');
});

test('no spinner for a quick answer, -q, CI, NO_COLOR, or stdout a pipe', async () => {
  const slow = `${bed.server.base}/slow-answer/900`;
  const cases: Array<[string, Record<string, string>]> = [
    [`${smsmon} health ${bed.server.base}/healthy`, {}],
    [`${smsmon} health ${slow} -q`, {}],
    [`${smsmon} health ${slow}`, { CI: 'true' }],
    [`${smsmon} health ${slow}`, { NO_COLOR: '1' }],
    [`${smsmon} health ${slow} --no-color`, {}],
    [`${smsmon} health ${slow} --json | cat`, {}],
  ];
  for (const [shell, env] of cases) {
    const out = await inTerminal(shell, env);
    assert.doesNotMatch(out, FRAMES, `${shell} ${JSON.stringify(env)}: ${out}`);
    assert.doesNotMatch(out, /checking/, shell);
  }
});
