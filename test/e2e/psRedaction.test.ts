import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { startHealthServer, type HealthServer } from '../kit/healthServer.js';
import { BIN, REPO } from '../kit/runSmsmon.js';

/**
 * Credentials in URL arguments of a long-running command are gone from /proc/<pid>/cmdline (what
 * `ps` shows) while it runs: the built binary, `health --watch` against a real server on 127.0.0.1.
 */
let server: HealthServer;
before(async () => (server = await startHealthServer()));
after(() => server.close());

const SECRETS = ['s3cret', 'r3dispass'];

test('health --watch with user:password@ and --redis credentials: /proc/<pid>/cmdline shows *** instead', async () => {
  const url = `${server.base.replace('http://', 'http://user:s3cret@')}/auth`;
  const child = spawn(
    process.execPath,
    [BIN, 'health', url, '--watch', '100ms', '--redis', 'redis://:r3dispass@127.0.0.1:6379/0'],
    {
      cwd: REPO,
      env: { ...process.env, FORCE_COLOR: undefined, NO_COLOR: '1' },
    },
  );
  try {
    const firstLine = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d).includes('\n') && resolve(out));
      child.on('error', reject);
      child.on('exit', (code) => reject(new Error(`exited ${code} before printing`)));
    });
    assert.match(firstLine, /HEALTH OK/);
    const shown = readFileSync(`/proc/${child.pid}/cmdline`, 'utf8').replace(/\0+/g, ' ').trim();
    for (const secret of SECRETS) assert.ok(!shown.includes(secret), `${secret} in ${shown}`);
    assert.match(
      shown,
      /health http:\/\/user:\*\*\*@127\.0\.0\.1:\d+\/auth --watch 100ms --redis redis:\/\/:\*\*\*@/,
    );
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('close', resolve));
  }
});
