import { test } from 'node:test';
import assert from 'node:assert/strict';
import { configSchema } from '../core/configSchema.js';
import { CHANNEL_NAMES, channelConfigKeys, isChannelName, notifierFor, notifiersFrom } from './notifiers.js';

const OPTIONS = { timeoutMs: 1000 };
const SLACK = { webhookUrl: 'https://hooks.slack.com/services/T/B/x' };
const EMAIL = { host: 'smtp.example.com', from: 'smsmon@example.com', to: ['ops@example.com'] };

const names = (config: unknown) => notifiersFrom(configSchema.parse(config), OPTIONS).map((n) => n.name);

test('a notifier for each channel the config sets up, in registry order', () => {
  assert.deepEqual(CHANNEL_NAMES, ['slack', 'email']);
  assert.deepEqual(names({}), []);
  assert.deepEqual(names({ alerts: { slack: SLACK } }), ['slack']);
  assert.deepEqual(names({ alerts: { email: EMAIL } }), ['email']);
  assert.deepEqual(names({ alerts: { email: EMAIL, slack: SLACK } }), ['slack', 'email']);
});

test('one channel by name; undefined when it is not configured', () => {
  const config = configSchema.parse({ alerts: { email: EMAIL } });
  assert.equal(notifierFor('email', config, OPTIONS)?.name, 'email');
  assert.equal(notifierFor('slack', config, OPTIONS), undefined);
  assert.match(channelConfigKeys('slack'), /SMSMON_SLACK_WEBHOOK_URL/);
});

test('channel names are checked exactly', () => {
  assert.equal(isChannelName('slack'), true);
  assert.equal(isChannelName('Slack'), false);
  assert.equal(isChannelName('toString'), false);
});
