import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type LoadedConfig } from './config.js';
import { loadLogConfig } from './configLog.js';
import { durationMs } from './duration.js';
import { ExitCode, UsageError } from './errors.js';

/** A fresh working directory holding the given files. */
async function workDir(files: Record<string, string> = {}): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'smsmon-config-'));
  for (const [name, text] of Object.entries(files)) {
    await mkdir(join(dir, name, '..'), { recursive: true });
    await writeFile(join(dir, name), text);
  }
  return dir;
}

async function load(
  files: Record<string, string>,
  env: NodeJS.ProcessEnv = {},
  configPath?: string,
): Promise<LoadedConfig> {
  return loadConfig({ cwd: await workDir(files), env, configPath });
}

/** The one-line message of the UsageError loading fails with. */
async function failure(
  files: Record<string, string>,
  env: NodeJS.ProcessEnv = {},
  configPath?: string,
): Promise<string> {
  const error = await load(files, env, configPath).then(
    () => assert.fail('expected the config to be rejected'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof UsageError, String(error));
  assert.equal(error.exitCode, ExitCode.Usage);
  assert.doesNotMatch(error.message, /\n/);
  return error.message;
}

const file = (value: unknown): Record<string, string> => ({ 'smsmon.config.json': JSON.stringify(value) });

test('no file and no environment: every key has its default', async () => {
  const { config, source, fromEnv } = await load({});
  assert.equal(source, undefined);
  assert.deepEqual(fromEnv, []);
  assert.equal(config.logDir, undefined, 'unset: the directory rule (sources/logDir.ts) decides');
  assert.equal(config.tz, undefined);
  assert.equal(config.database.url, undefined);
  assert.equal(config.database.tables.errorLog, 'core_errorlog');
  assert.equal(config.database.columns.taskProcessingTime, 'processing_time');
  assert.equal(config.redis.layout, 'host');
  assert.equal(durationMs(config.redis.retention), 24 * 3_600_000);
  assert.equal(durationMs(config.database.statementTimeout), 5000);
  assert.deepEqual(config.system.mounts, ['/']);
  assert.equal(config.spool.maxEntries, 10_000);
  assert.equal(config.health.url, 'http://localhost:5001/health');
  assert.equal(config.alerts.repeat, '1h');
  assert.deepEqual(config.alerts.thresholds.cpu_percent, { warning: 80 });
  assert.deepEqual(config.alerts.thresholds.failed_tasks_last_hour, { warning: 10 });
  assert.equal(config.alerts.email, undefined);
});

test('./smsmon.config.json is found in the working directory; keys it omits keep their defaults', async () => {
  const { config, source } = await load(
    file({
      database: { tables: { task: 'analytics.core_task' } },
      alerts: { thresholds: { cpu_percent: {} } },
    }),
  );
  assert.match(source ?? '', /smsmon-config-.*\/smsmon\.config\.json$/);
  assert.equal(config.database.tables.task, 'analytics.core_task');
  assert.equal(config.database.tables.user, 'core_user');
  assert.deepEqual(config.alerts.thresholds.cpu_percent, {}, 'a metric given replaces its default');
  assert.deepEqual(config.alerts.thresholds.memory_percent, { warning: 85 });
  assert.equal(config.alerts.repeat, '1h');
});

test('--config beats $SMSMON_CONFIG, which beats ./smsmon.config.json', async () => {
  const files = {
    'smsmon.config.json': '{"logDir": "cwd"}',
    'etc/env.json': '{"logDir": "env"}',
    'etc/flag.json': '{"logDir": "flag"}',
  };
  assert.equal((await load(files, { SMSMON_CONFIG: 'etc/env.json' })).config.logDir, 'env');
  assert.equal((await load(files, { SMSMON_CONFIG: 'etc/env.json' }, 'etc/flag.json')).config.logDir, 'flag');
  assert.equal((await load(files)).config.logDir, 'cwd');
});

test('a --config or $SMSMON_CONFIG file that does not exist is a usage error', async () => {
  assert.equal(await failure({}, {}, 'missing.json'), '--config missing.json: no such file or directory');
  assert.equal(
    await failure({}, { SMSMON_CONFIG: 'gone.json' }),
    'SMSMON_CONFIG=gone.json: no such file or directory',
  );
});

test('named environment variables override the file; empty ones are ignored', async () => {
  const { config, fromEnv } = await load(file({ database: { url: 'postgres://file@db/sms' }, logDir: 'a' }), {
    DATABASE_URL: 'postgres://env@db/sms',
    REDIS_URL: 'rediss://:pw@cache:6380/0',
    SMSMON_LOG_DIR: '',
    SMSMON_SLACK_WEBHOOK_URL: 'https://hooks.slack.com/services/T/B/x',
  });
  assert.equal(config.database.url, 'postgres://env@db/sms');
  assert.equal(config.redis.url, 'rediss://:pw@cache:6380/0');
  assert.equal(config.logDir, 'a');
  assert.equal(config.alerts.slack.webhookUrl, 'https://hooks.slack.com/services/T/B/x');
  assert.deepEqual(fromEnv, ['DATABASE_URL', 'REDIS_URL', 'SMSMON_SLACK_WEBHOOK_URL']);
});

test('SMSMON__SECTION__KEY sets any key: case and _ ignored, JSON values unless the key is a string', async () => {
  const { config } = await load(file({}), {
    SMSMON__HEALTH__WARN_MS: '250',
    SMSMON__system__MOUNTS: '["/", "/data"]',
    SMSMON__REDIS__PREFIX: '123',
    SMSMON__ALERTS__THRESHOLDS__QUEUE_DEPTH__CRITICAL: '500',
    SMSMON__ALERTS__SLACK__WEBHOOK_URL: 'https://hooks.slack.com/services/T/B/generic',
    SMSMON__LOG_DIR: 'generic',
    SMSMON_LOG_DIR: 'named',
  });
  assert.equal(config.health.warnMs, 250);
  assert.deepEqual(config.system.mounts, ['/', '/data']);
  assert.equal(config.redis.prefix, '123');
  assert.deepEqual(config.alerts.thresholds.queue_depth, { critical: 500 });
  assert.equal(config.alerts.slack.webhookUrl, 'https://hooks.slack.com/services/T/B/generic');
  assert.equal(config.logDir, 'named', 'the named variable wins over SMSMON__');
});

test('an unknown key is named with the valid ones and the closest', async () => {
  assert.equal(
    await failure(file({ database: { statmentTimeout: '5s' } })),
    'smsmon.config.json: database: unknown key "statmentTimeout"; expected url, statementTimeout, timeout, tables, columns (did you mean statementTimeout?)',
  );
  assert.match(
    await failure(file({ reddis: {} })),
    /^smsmon\.config\.json: unknown key "reddis"; .*\(did you mean redis\?\)$/,
  );
  assert.match(
    await failure(file({}), { SMSMON__DATABASE__STATMENT_TIMEOUT: '5s' }),
    /^SMSMON__DATABASE__STATMENT_TIMEOUT: database: unknown key "statment_timeout"; .*did you mean statementTimeout\?/,
  );
});

test('table and column names must be SQL identifiers (tables may be schema.table)', async () => {
  assert.match(
    await failure(file({ database: { tables: { user: 'core user' } } })),
    /^smsmon\.config\.json: database\.tables\.user: must be an SQL identifier.*, not "core user"$/,
  );
  assert.match(
    await failure(file({ database: { columns: { taskSuccess: 'core_task.success' } } })),
    /^smsmon\.config\.json: database\.columns\.taskSuccess: must be an SQL identifier /,
  );
  assert.match(
    await failure(file({ database: { columns: { userTier: `t${'x'.repeat(63)}` } } })),
    /SQL identifier/,
  );
  await load(file({ database: { tables: { user: 'public.core_user' }, columns: { userTier: '_tier$2' } } }));
});

test('a bad duration, enum, number or URL names its key; several problems say how many more', async () => {
  assert.equal(
    await failure(file({ redis: { retention: '24 hours' } })),
    'smsmon.config.json: redis.retention: expected a duration like 10 (seconds), 500ms, 90s, 15m, 1h30m, 2d, not "24 hours"',
  );
  assert.equal(
    await failure(file({ redis: { layout: 'hosts' } })),
    'smsmon.config.json: redis.layout: unknown value "hosts"; expected host, guide (did you mean host?)',
  );
  assert.equal(
    await failure(file({ health: { warnMs: '1000' }, spool: { maxEntries: 0 } })),
    'smsmon.config.json: spool.maxEntries: must be above 0 (and 1 more)',
  );
  const badUrl = await failure(file({ database: { url: 'mysql://app:hunter2@db/sms' } }));
  assert.equal(badUrl, 'smsmon.config.json: database.url: expected a postgres:// or postgresql:// URL');
});

test('a bad value set by a variable is reported under its name', async () => {
  assert.equal(
    await failure(file({}), { SMSMON__HEALTH__WARN_MS: 'fast' }),
    'SMSMON__HEALTH__WARN_MS: health.warnMs: expected a number, not a string',
  );
  assert.equal(
    await failure({}, { SMSMON_SMTP_PASSWORD: 'pw' }),
    'SMSMON_SMTP_PASSWORD: alerts.email.host: required (and 2 more)',
  );
});

test('invalid JSON is reported at its line and column without quoting the file', async () => {
  assert.equal(
    await failure({ 'smsmon.config.json': '{\n  "logDir": "x",\n}\n' }),
    "smsmon.config.json:3:1: invalid JSON: a comma before '}' (JSON allows none)",
  );
  const message = await failure({
    'smsmon.config.json': '{"database": {"url": "postgres://u:hunter2@h/db" "x": 1}}',
  });
  assert.match(message, /^smsmon\.config\.json:1:50: invalid JSON: expected ',' or '}'$/);
  assert.equal(
    await failure({ 'smsmon.config.json': '[]' }),
    'smsmon.config.json: expected a JSON object ({ … }) at the top level',
  );
  assert.equal((await load({ 'smsmon.config.json': '\uFEFF{"logDir": "bom"}' })).config.logDir, 'bom');
});

test("tz: checked by the full loader and the log commands' light one alike, naming who set it", async () => {
  const cases: Array<[Record<string, string>, NodeJS.ProcessEnv]> = [
    [file({ tz: 'Mars/Olympus' }), {}],
    [file({ tz: 'UTC' }), { SMSMON_TZ: '+19:00' }],
  ];
  for (const [files, env] of cases) {
    const full = await failure(files, env);
    const light = await loadLogConfig({ cwd: await workDir(files), env }).then(
      () => assert.fail('expected tz to be rejected'),
      (e: unknown) => (e as Error).message,
    );
    assert.equal(light, full);
    assert.match(full, /^(smsmon\.config\.json|SMSMON_TZ): tz: /);
  }
  const { config } = await load(file({ tz: 'America/New_York' }), { SMSMON_TZ: '-05:00' });
  assert.equal(config.tz, '-05:00');
});
