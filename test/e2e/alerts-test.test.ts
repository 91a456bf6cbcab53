import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { selfSignedCertificate, smtpReceiver, type SmtpReceiver } from '../kit/smtpReceiver.js';
import { webhookReceiver, type WebhookReceiver } from '../kit/webhookReceiver.js';
import { runSmsmon, type RunResult } from '../kit/runSmsmon.js';

/**
 * `smsmon alerts test` against a real HTTP receiver standing in for Slack and a real SMTP server
 * (STARTTLS with a self-signed certificate the child trusts through NODE_EXTRA_CA_CERTS, AUTH).
 */

const PASSWORD = 'e2e-hunter2';
const CLEAN_ENV = { SMSMON_CONFIG: '', SMSMON_SLACK_WEBHOOK_URL: '', SMSMON_SMTP_PASSWORD: '' };

let slack: WebhookReceiver;
let failingSlack: WebhookReceiver;
let smtp: SmtpReceiver;
let caFile: string;
let dir: string;

before(async () => {
  slack = await webhookReceiver();
  failingSlack = await webhookReceiver((response) => {
    response.statusCode = 500;
    response.end('rollup_error');
  });
  smtp = await smtpReceiver({ users: { monitor: PASSWORD } });
  caFile = (await selfSignedCertificate()).certPath;
  dir = await mkdtemp(join(tmpdir(), 'smsmon-e2e-alerts-'));
});

after(async () => {
  await Promise.all([slack.close(), failingSlack.close(), smtp.close()]);
});

function emailSection(port = smtp.port) {
  return { host: '127.0.0.1', port, user: 'monitor', from: 'smsmon@example.com', to: ['ops@example.com'] };
}

let configs = 0;
/** The password comes from SMSMON_SMTP_PASSWORD, as in production; set alone it would be a config error. */
async function alertsTest(
  alerts: { email?: object; slack?: object },
  args: readonly string[] = [],
  password = PASSWORD,
): Promise<RunResult> {
  const path = join(dir, `config-${++configs}.json`);
  await writeFile(path, JSON.stringify({ alerts }));
  return runSmsmon(['--config', path, 'alerts', 'test', ...args], {
    env: { ...CLEAN_ENV, SMSMON_SMTP_PASSWORD: alerts.email ? password : '', NODE_EXTRA_CA_CERTS: caFile },
  });
}

test('both channels configured: each gets the test message, exit 0', async () => {
  const [slackBefore, mailsBefore] = [slack.received.length, smtp.mails.length];
  const { stdout, stderr, code } = await alertsTest({
    slack: { webhookUrl: slack.url },
    email: emailSection(),
  });
  assert.equal(code, 0, stderr);
  assert.equal(stdout, 'slack: sent\nemail: sent\n');
  const payload = JSON.parse(slack.received[slackBefore]?.body ?? '{}') as Record<string, string>;
  assert.equal(payload.username, 'SMS-AI Monitor');
  assert.equal(payload.icon_emoji, ':warning:');
  assert.match(payload.text ?? '', /^🧪 SMS-to-AI Agent Alert test\n\n/);
  assert.match(payload.text ?? '', /· 2024-01-20T12:30:00\.000Z$/);
  const mail = smtp.mails[mailsBefore];
  assert.equal(mail?.secure, true, 'STARTTLS before the mail');
  assert.equal(mail?.headers.subject, `SMS-to-AI Agent Alert test from ${hostname()}`);
  assert.deepEqual(mail?.rcptTo, ['ops@example.com']);
  assert.ok(smtp.logins.some((login) => login.accepted && login.secure));
});

test('--channel slack --json: only Slack, as JSON', async () => {
  const mailsBefore = smtp.mails.length;
  const { stdout, code } = await alertsTest({ slack: { webhookUrl: slack.url }, email: emailSection() }, [
    '--channel',
    'slack',
    '--json',
  ]);
  assert.equal(code, 0);
  assert.deepEqual(JSON.parse(stdout), [{ channel: 'slack', ok: true }]);
  assert.equal(smtp.mails.length, mailsBefore);
});

test('a channel that fails: exit 1, its reason on one line, no secret in the output', async () => {
  const { stdout, stderr, code } = await alertsTest(
    { slack: { webhookUrl: failingSlack.url }, email: emailSection() },
    [],
    'wrong-password',
  );
  assert.equal(code, 1, stderr);
  assert.equal(
    stdout,
    'slack: failed: Slack webhook answered HTTP 500: rollup_error\n' +
      `email: failed: SMTP 127.0.0.1:${smtp.port}: Invalid login: 535 Invalid username or password\n`,
  );
  assert.doesNotMatch(stdout + stderr, /s3cret|wrong-password/);
});

test('--json reports failures as ok: false with the error', async () => {
  const { stdout, code } = await alertsTest({ slack: { webhookUrl: failingSlack.url } }, ['--json']);
  assert.equal(code, 1);
  assert.deepEqual(JSON.parse(stdout), [
    { channel: 'slack', ok: false, error: 'Slack webhook answered HTTP 500: rollup_error' },
  ]);
});

test('a channel asked for but not configured: exit 2, what to set', async () => {
  const { stdout, code } = await alertsTest({ slack: { webhookUrl: slack.url } }, ['--channel', 'email']);
  assert.equal(code, 2);
  assert.equal(stdout, 'email: not configured: set alerts.email {host, from, to}\n');
});

test('no channel configured: exit 2, each channel says what to set', async () => {
  const { stdout, code } = await alertsTest({});
  assert.equal(code, 2);
  assert.match(stdout, /^slack: not configured: set alerts\.slack\.webhookUrl or SMSMON_SLACK_WEBHOOK_URL\n/);
  assert.match(stdout, /\nemail: not configured: set alerts\.email/);
});

test('an unknown channel: exit 2 naming the valid ones', async () => {
  const { stdout, stderr, code } = await alertsTest({ slack: { webhookUrl: slack.url } }, [
    '--channel',
    'slak',
  ]);
  assert.equal(code, 2);
  assert.equal(stdout, '');
  assert.equal(stderr, 'smsmon: unknown channel "slak"; expected slack, email (did you mean slack?)\n');
});

test('a plain http webhook to another host is a config error (exit 2)', async () => {
  const { stderr, code } = await alertsTest({ slack: { webhookUrl: 'http://hooks.example.com/T/B/s3cret' } });
  assert.equal(code, 2);
  assert.match(stderr, /alerts\.slack\.webhookUrl: expected an https:\/\/ URL/);
  assert.doesNotMatch(stderr, /s3cret/);
});

test('help shows examples and the exit codes', async () => {
  const { stdout, code } = await runSmsmon(['alerts', 'test', '--help']);
  assert.equal(code, 0);
  assert.match(stdout, /Examples:\n {2}\$ smsmon alerts test/);
  assert.match(stdout, /Exit: 0 every channel sent, 1 a channel failed, 2 /);
});
