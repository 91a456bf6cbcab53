import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from './config.js';
import { configSchema } from './configSchema.js';

function webhookAccepted(url: string): boolean {
  return configSchema.safeParse({ alerts: { slack: { webhookUrl: url } } }).success;
}

test('alerts.slack.webhookUrl: https anywhere, plain http only to a loopback host', () => {
  assert.equal(webhookAccepted('https://hooks.slack.com/services/T/B/x'), true);
  assert.equal(webhookAccepted('http://127.0.0.1:8080/services/T/B/x'), true);
  assert.equal(webhookAccepted('http://[::1]:8080/hook'), true);
  assert.equal(webhookAccepted('http://localhost/hook'), true);
  assert.equal(webhookAccepted('http://hooks.slack.com/services/T/B/x'), false);
  assert.equal(webhookAccepted('http://127.0.0.1.example.com/hook'), false);
  assert.equal(webhookAccepted('ftp://127.0.0.1/hook'), false);
  assert.equal(webhookAccepted('hooks.slack.com/services/T/B/x'), false);
});

test('a plain http webhook elsewhere is refused naming the variable and the rule, never the URL', async () => {
  const error = await loadConfig({
    cwd: '/nonexistent',
    env: { SMSMON_SLACK_WEBHOOK_URL: 'http://hooks.slack.com/services/T/B/s3cret' },
  }).then(
    () => assert.fail('expected a UsageError'),
    (e: Error) => e,
  );
  assert.match(
    error.message,
    /^SMSMON_SLACK_WEBHOOK_URL: alerts\.slack\.webhookUrl: expected an https:\/\/ URL \(http:\/\/ only to 127\.0\.0\.1, ::1 or localhost\)/,
  );
  assert.doesNotMatch(error.message, /s3cret/);
});
