import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { logDirProblem, requireLogDir, resolveLogDir } from './logDir.js';

const root = mkdtempSync(join(tmpdir(), 'smsmon-logdir-'));
const home = process.cwd();
after(() => {
  process.chdir(home);
  rmSync(root, { recursive: true, force: true });
});

/** Runs `resolveLogDir` in a fresh working directory holding the given entries. */
async function inDir(
  entries: { dirs?: string[]; files?: string[] },
  ...args: Parameters<typeof resolveLogDir>
) {
  const cwd = mkdtempSync(join(root, 'cwd-'));
  for (const dir of entries.dirs ?? []) mkdirSync(join(cwd, dir));
  for (const name of entries.files ?? []) writeFileSync(join(cwd, name), '');
  process.chdir(cwd);
  try {
    return await resolveLogDir(...args);
  } finally {
    process.chdir(home);
  }
}

const fromFile = { value: '/srv/app/logs', setBy: 'smsmon.config.json', fromEnv: false };
const fromEnv = { value: '/var/log/app', setBy: 'SMSMON_LOG_DIR', fromEnv: true };
const everything = { dirs: ['logs'], files: ['app.log'] };

test('--dir wins over everything', async () => {
  assert.deepEqual(await inDir(everything, '/x', fromEnv), { path: '/x', origin: 'from --dir' });
});

test('then the configured logDir: the variable or the file (the loader lets the variable win)', async () => {
  assert.deepEqual(await inDir(everything, undefined, fromEnv), {
    path: '/var/log/app',
    origin: 'from SMSMON_LOG_DIR',
  });
  assert.deepEqual(await inDir(everything, undefined, fromFile), {
    path: '/srv/app/logs',
    origin: 'from logDir in smsmon.config.json',
  });
});

test('then ./logs when it exists, even with logs in . too', async () => {
  assert.deepEqual(await inDir(everything, undefined), { path: './logs', origin: 'the default' });
});

test('then the working directory when it holds a live file of a family', async () => {
  for (const name of ['app.log', 'errors.log', 'sms.log'])
    assert.deepEqual(await inDir({ files: [name] }, undefined), {
      path: '.',
      origin: `the working directory, which holds ${name}`,
    });
});

test('else ./logs, for the error to name; a rotated file alone or a file named logs does not count', async () => {
  for (const files of [[], ['app.log.1', 'notes.txt'], ['logs']]) {
    const dir = await inDir({ files }, undefined);
    assert.equal(dir.path, './logs', files.join());
    assert.match(dir.origin, /^the default; no app\.log, errors\.log or sms\.log in \. either$/);
  }
});

test('one existence check: a directory passes; a file, a missing path or one under a file each say why', async () => {
  const dir = mkdtempSync(join(root, 'check-'));
  writeFileSync(join(dir, 'app.log'), '');
  assert.equal(await logDirProblem(dir), undefined);
  assert.deepEqual(await logDirProblem(join(dir, 'app.log')), { kind: 'not a directory' });
  assert.deepEqual(await logDirProblem(join(dir, 'gone')), {
    kind: 'unreadable',
    reason: 'no such file or directory',
  });
  assert.deepEqual(await logDirProblem(join(dir, 'app.log', 'x')), {
    kind: 'unreadable',
    reason: 'not a directory',
  });
});

test('requireLogDir: exit 3 naming the directory, the rule that chose it and the fix', async () => {
  const dir = mkdtempSync(join(root, 'require-'));
  writeFileSync(join(dir, 'app.log'), '');
  await requireLogDir({ path: dir, origin: 'from --dir' });
  await assert.rejects(requireLogDir({ path: join(dir, 'gone'), origin: 'from --dir' }), {
    message: `cannot read log directory ${join(dir, 'gone')} (from --dir): no such file or directory`,
    exitCode: 3,
    hint: 'set --dir, SMSMON_LOG_DIR or logDir in smsmon.config.json',
  });
  await assert.rejects(requireLogDir({ path: join(dir, 'app.log'), origin: 'the default' }), {
    message: `${join(dir, 'app.log')} (the default) is not a directory`,
    exitCode: 3,
  });
});
