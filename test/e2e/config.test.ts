import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runSmsmon } from '../kit/runSmsmon.js';

/** Variables of the machine running the tests must not leak in (empty counts as unset). */
const CLEAN_ENV = { SMSMON_CONFIG: '', DATABASE_URL: '', REDIS_URL: '', SMSMON_SMTP_PASSWORD: '' };

async function dirWithConfig(text: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'smsmon-e2e-config-'));
  await writeFile(join(dir, 'smsmon.config.json'), text);
  return dir;
}

test('config show prints the effective config with the database password hidden', async () => {
  const cwd = await dirWithConfig(
    JSON.stringify({ database: { url: 'postgres://app:hunter2@db:5432/sms' }, redis: { prefix: 'prod' } }),
  );
  const { stdout, stderr, code } = await runSmsmon(['config', 'show'], {
    cwd,
    env: { ...CLEAN_ENV, SMSMON_SLACK_WEBHOOK_URL: 'https://hooks.slack.com/services/T0/B0/s3cret' },
  });
  assert.equal(code, 0, stderr);
  assert.doesNotMatch(stdout, /hunter2|s3cret/);
  const config = JSON.parse(stdout) as {
    database: { url: string; tables: { user: string } };
    redis: { prefix: string };
    alerts: { slack: { webhookUrl: string } };
  };
  assert.equal(config.database.url, 'postgres://app:***@db:5432/sms');
  assert.equal(config.database.tables.user, 'core_user');
  assert.equal(config.redis.prefix, 'prod');
  assert.equal(config.alerts.slack.webhookUrl, 'https://hooks.slack.com/***');
});

test('config show --json names the file and the variables it came from; the global --config picks the file', async () => {
  const cwd = await dirWithConfig('{"logDir": "from-cwd"}');
  await writeFile(join(cwd, 'other.json'), '{"logDir": "from-flag"}');
  const { stdout, code } = await runSmsmon(['--config', 'other.json', 'config', 'show', '--json'], {
    cwd,
    env: { ...CLEAN_ENV, REDIS_URL: 'redis://:pw@cache:6379' },
  });
  assert.equal(code, 0);
  const shown = JSON.parse(stdout) as { source: string; fromEnv: string[]; config: { logDir: string } };
  assert.equal(shown.source, join(cwd, 'other.json'));
  assert.deepEqual(shown.fromEnv, ['REDIS_URL']);
  assert.equal(shown.config.logDir, 'from-flag');
});

test('config schema prints a JSON Schema of the file', async () => {
  const { stdout, code } = await runSmsmon(['config', 'schema']);
  assert.equal(code, 0);
  const schema = JSON.parse(stdout) as { type: string; properties: Record<string, unknown> };
  assert.equal(schema.type, 'object');
  assert.ok('database' in schema.properties && 'alerts' in schema.properties);
});

test('a bad config file: exit 2 and one line on stderr naming the key', async () => {
  const cwd = await dirWithConfig('{"database": {"tables": {"usr": "core_user"}}}');
  const { stdout, stderr, code } = await runSmsmon(['config', 'show'], { cwd, env: CLEAN_ENV });
  assert.equal(code, 2);
  assert.equal(stdout, '');
  assert.equal(
    stderr,
    'smsmon: smsmon.config.json: database.tables: unknown key "usr"; expected user, task, errorLog (did you mean user?)\n',
  );
});

test('a --config file that does not exist: exit 2', async () => {
  const { stderr, code } = await runSmsmon(['config', 'show', '--config', 'no-such.json'], {
    env: CLEAN_ENV,
  });
  assert.equal(code, 2);
  assert.equal(stderr, 'smsmon: --config no-such.json: no such file or directory\n');
});
