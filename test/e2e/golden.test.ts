import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO, runSmsmon } from '../kit/runSmsmon.js';

/**
 * Golden cases as data (test/e2e/golden/*.json): args, optional stdin, expected exit code,
 * stdout and stderr as arrays of lines. UPDATE_GOLDEN=1 rewrites them from the current output;
 * review the diff before committing.
 */
interface GoldenCase {
  args: string[];
  stdin?: string;
  exit: number;
  stdout: string[];
  stderr: string[];
}

const dir = join(REPO, 'test/e2e/golden');
for (const name of readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()) {
  test(`golden ${name}`, async () => {
    const path = join(dir, name);
    const golden = JSON.parse(readFileSync(path, 'utf8')) as GoldenCase;
    const result = await runSmsmon(golden.args, { stdin: golden.stdin });
    const actual = {
      stdout: result.stdout.split('\n'),
      stderr: result.stderr.split('\n'),
      exit: result.code,
    };
    if (process.env.UPDATE_GOLDEN) {
      writeFileSync(path, JSON.stringify({ ...golden, ...actual }, null, 2) + '\n');
      return;
    }
    assert.deepEqual(
      { stdout: actual.stdout, stderr: actual.stderr, exit: actual.exit },
      { stdout: golden.stdout, stderr: golden.stderr, exit: golden.exit },
    );
  });
}
