import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runSmsmon } from '../kit/runSmsmon.js';

/**
 * Every rung of the one log-directory rule, told apart by what each directory holds: the
 * directory that was read is the one whose error count (and processing_time count) came out.
 */
const root = mkdtempSync(join(tmpdir(), 'smsmon-logdir-e2e-'));
after(() => rmSync(root, { recursive: true, force: true }));

/** Variables of the machine running the tests must not leak in (empty counts as unset). */
const CLEAN_ENV = { SMSMON_CONFIG: '', SMSMON_LOG_DIR: '', SMSMON_TZ: '', SMSMON__LOG_DIR: '' };

/** A logs directory whose errors.log holds `errors` records and app.log as many timed requests. */
function logsDir(path: string, errors: number): string {
  mkdirSync(path, { recursive: true });
  const at = (i: number) => `2024-01-20 12:00:${String(i).padStart(2, '0')},000`;
  const lines = (level: string, text: string) =>
    Array.from({ length: errors }, (_, i) => `${level} ${at(i)} views 4242 1401 ${text} ${i}\n`).join('');
  writeFileSync(join(path, 'errors.log'), lines('ERROR', 'Payment failed for order'));
  writeFileSync(join(path, 'app.log'), lines('INFO', 'POST /sms/ 200 processing_time=0.25 request'));
  return path;
}

const flagDir = logsDir(join(root, 'flag'), 1);
const envDir = logsDir(join(root, 'env'), 2);
const configDir = logsDir(join(root, 'configured'), 3);

/** A working directory, optionally with a smsmon.config.json and a ./logs of `defaultLogs` errors. */
function workDir(
  name: string,
  { config, defaultLogs }: { config?: object; defaultLogs?: number } = {},
): string {
  const cwd = join(root, name);
  mkdirSync(cwd, { recursive: true });
  if (config) writeFileSync(join(cwd, 'smsmon.config.json'), JSON.stringify(config));
  if (defaultLogs !== undefined) logsDir(join(cwd, 'logs'), defaultLogs);
  return cwd;
}

async function errorTotal(cwd: string, env: NodeJS.ProcessEnv = {}, ...args: string[]): Promise<number> {
  const run = await runSmsmon(['errors', 'count', '--json', ...args], { cwd, env: { ...CLEAN_ENV, ...env } });
  assert.equal(run.code, 0, run.stderr);
  return (JSON.parse(run.stdout) as { total: number }).total;
}

const everywhere = workDir('everywhere', { config: { logDir: configDir }, defaultLogs: 4 });

test('--dir wins over SMSMON_LOG_DIR, logDir of the config and ./logs', async () => {
  assert.equal(await errorTotal(everywhere, { SMSMON_LOG_DIR: envDir }, '--dir', flagDir), 1);
});

test('SMSMON_LOG_DIR wins over logDir of the config and ./logs', async () => {
  assert.equal(await errorTotal(everywhere, { SMSMON_LOG_DIR: envDir }), 2);
});

test('logDir of the config is honoured by logs search, errors count and latency', async () => {
  assert.equal(await errorTotal(everywhere), 3);
  const search = await runSmsmon(['logs', 'search', 'errors', '--fields', 'file'], {
    cwd: everywhere,
    env: CLEAN_ENV,
  });
  assert.equal(search.code, 0, search.stderr);
  assert.deepEqual(new Set(search.stdout.trim().split('\n')), new Set([join(configDir, 'errors.log')]));
  const latency = await runSmsmon(['latency', '--json', '--exact'], { cwd: everywhere, env: CLEAN_ENV });
  assert.equal(latency.code, 0, latency.stderr);
  assert.match(latency.stdout, /"count": 3\b/);
  const tail = await runSmsmon(['logs', 'tail', 'errors', '-n', '100', '--fields', 'file'], {
    cwd: everywhere,
    env: CLEAN_ENV,
  });
  assert.equal(tail.stdout.trim().split('\n').length, 3, tail.stderr);
});

test('logDir of a config named by --config is honoured too', async () => {
  const cwd = workDir('global-config');
  writeFileSync(join(cwd, 'elsewhere.json'), JSON.stringify({ logDir: envDir }));
  assert.equal(await errorTotal(cwd, {}, '--config', 'elsewhere.json'), 2);
});

test('./logs when nothing is set', async () => {
  assert.equal(await errorTotal(workDir('default', { defaultLogs: 4 })), 4);
});

test('run inside the logs directory itself: . holds errors.log, so it is read', async () => {
  assert.equal(await errorTotal(flagDir), 1);
  const latency = await runSmsmon(['latency', '--json', '--exact'], { cwd: envDir, env: CLEAN_ENV });
  assert.equal(latency.code, 0, latency.stderr);
  assert.match(latency.stdout, /"count": 2\b/);
});

test('the error names the directory and the rule that chose it', async () => {
  const nowhere = await runSmsmon(['errors', 'count'], { cwd: workDir('nowhere'), env: CLEAN_ENV });
  assert.equal(nowhere.code, 3);
  assert.match(
    nowhere.stderr,
    /^smsmon: cannot read log directory \.\/logs \(the default; no app\.log, errors\.log or sms\.log in \. either\): no such file or directory \(set --dir, SMSMON_LOG_DIR or logDir in smsmon\.config\.json\)\n$/,
  );
  const cwd = workDir('bad-config', { config: { logDir: join(root, 'missing') } });
  const configured = await runSmsmon(['logs', 'search'], { cwd, env: CLEAN_ENV });
  assert.equal(configured.code, 3);
  assert.match(
    configured.stderr,
    /cannot read log directory \S+missing \(from logDir in smsmon\.config\.json\)/,
  );
  const fromEnv = await runSmsmon(['latency'], {
    cwd,
    env: { ...CLEAN_ENV, SMSMON_LOG_DIR: join(root, 'gone') },
  });
  assert.match(fromEnv.stderr, /cannot read log directory \S+gone \(from SMSMON_LOG_DIR\)/);
});
