import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from './config.js';
import { ExitCode, UsageError } from './errors.js';

const dir = mkdtempSync(join(tmpdir(), 'smsmon-config-sms-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

async function problem(file: unknown, env: NodeJS.ProcessEnv = {}): Promise<UsageError> {
  writeFileSync(join(dir, 'smsmon.config.json'), JSON.stringify(file));
  try {
    await loadConfig({ cwd: dir, env });
  } catch (error) {
    assert.ok(error instanceof UsageError);
    assert.equal(error.exitCode, ExitCode.Usage);
    return error;
  }
  assert.fail('the config was accepted');
}

test('a bad regex is a config error naming the file, the key and the reason', async () => {
  const error = await problem({ sms: { events: { received: ['^ok', '^(unclosed'] } } });
  assert.match(
    error.message,
    /^smsmon\.config\.json: sms\.events\.received\[1\]: invalid regex "\^\(unclosed": Unterminated group$/,
  );
});

test('event names are snake_case and not "other"', async () => {
  assert.match((await problem({ sms: { events: { OptOut: ['x'] } } })).message, /sms\.events.*snake_case/);
  assert.match(
    (await problem({ sms: { events: { other: ['x'] } } })).message,
    /"other" is what matches no event/,
  );
  assert.match(
    (await problem({ sms: { events: { sent: 'x' } } })).message,
    /sms\.events\.sent: expected an array/,
  );
});

test('SMSMON__SMS__EVENTS__… sets an event, and a bad one names the variable', async () => {
  writeFileSync(join(dir, 'smsmon.config.json'), '{}');
  const { config } = await loadConfig({
    cwd: dir,
    env: { SMSMON__SMS__EVENTS__RECEIVED: '["^got sms"]', SMSMON__SMS__EVENTS__OPT_OUT: '["STOP"]' },
  });
  assert.deepEqual(config.sms.events.received, ['^got sms']);
  assert.deepEqual(config.sms.events.opt_out, ['STOP']);
  assert.ok(config.sms.events.sent!.length > 0);
  const error = await problem({}, { SMSMON__SMS__EVENTS__SENT: '["(("]' });
  assert.match(error.message, /^SMSMON__SMS__EVENTS__SENT: sms\.events\.sent\[0\]: invalid regex/);
});
