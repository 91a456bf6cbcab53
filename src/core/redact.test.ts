import { test } from 'node:test';
import assert from 'node:assert/strict';
import { redactCommandLine, redactSecrets, redactUrl, redactWebhookUrl } from './redact.js';

test('redactUrl hides the password of postgres, redis and rediss URLs and keeps the rest as written', () => {
  assert.equal(redactUrl('postgres://user:secret@host'), 'postgres://user:***@host');
  assert.equal(
    redactUrl('postgresql://app:s3cr%40t@db:5432/sms?sslmode=require'),
    'postgresql://app:***@db:5432/sms?sslmode=require',
  );
  assert.equal(redactUrl('redis://:hunter2@cache:6379/0'), 'redis://:***@cache:6379/0');
  assert.equal(
    redactUrl('rediss://default:pw@cache.example.com:6380'),
    'rediss://default:***@cache.example.com:6380',
  );
});

test('redactUrl leaves URLs without a password alone', () => {
  for (const url of [
    'postgres://app@db/sms',
    'http://localhost:5001/health',
    'redis://cache:6379/0',
    'logs/app.log',
  ]) {
    assert.equal(redactUrl(url), url);
  }
});

test('redactUrl hides a password holding @, / or # (over-hiding rather than leaking)', () => {
  assert.equal(redactUrl('postgres://app:p@ss/w#rd@db/sms'), 'postgres://app:***@db/sms');
});

test('redactUrl hides Slack webhook paths and credential query parameters', () => {
  assert.equal(redactUrl('https://hooks.slack.com/services/T000/B000/XXXX'), 'https://hooks.slack.com/***');
  assert.equal(
    redactUrl('postgres://db/sms?user=app&password=pw&sslpassword=k&sslmode=require'),
    'postgres://db/sms?user=app&password=***&sslpassword=***&sslmode=require',
  );
  assert.equal(
    redactUrl('https://api.example.com/x?token=abc#top'),
    'https://api.example.com/x?token=***#top',
  );
});

test('redactUrl finds URLs inside an error message', () => {
  assert.equal(
    redactUrl('connect ECONNREFUSED for "postgres://app:pw@db:5432/sms" and redis://:pw2@cache (retrying)'),
    'connect ECONNREFUSED for "postgres://app:***@db:5432/sms" and redis://:***@cache (retrying)',
  );
});

test('redactWebhookUrl keeps only scheme and host', () => {
  assert.equal(redactWebhookUrl('https://hooks.slack.com/services/T/B/x'), 'https://hooks.slack.com/***');
  assert.equal(redactWebhookUrl('https://u:p@chat.example.com/hook/abc?k=1'), 'https://chat.example.com/***');
  assert.equal(redactWebhookUrl('not a url'), '***');
});

test('redactSecrets hides secret fields and URL passwords in a copy, leaving the input unchanged', () => {
  const config = {
    database: { url: 'postgres://app:pw@db/sms', statementTimeout: '5s' },
    alerts: {
      slack: { webhookUrl: 'https://hooks.example.com/T/B/x' },
      email: { host: 'smtp.example.com', port: 587, user: 'ops', password: 'pw', to: ['ops@example.com'] },
    },
    apiToken: 12345,
    clientSecret: 'cs',
    api_key: 'k',
    tokenCount: 3,
    total_tokens: 7,
    emptyPassword: '',
    mounts: ['/', '/data'],
    missing: null,
  };
  const before = structuredClone(config);
  assert.deepEqual(redactSecrets(config), {
    database: { url: 'postgres://app:***@db/sms', statementTimeout: '5s' },
    alerts: {
      slack: { webhookUrl: 'https://hooks.example.com/***' },
      email: { host: 'smtp.example.com', port: 587, user: 'ops', password: '***', to: ['ops@example.com'] },
    },
    apiToken: '***',
    clientSecret: '***',
    api_key: '***',
    tokenCount: 3,
    total_tokens: 7,
    emptyPassword: '',
    mounts: ['/', '/data'],
    missing: null,
  });
  assert.deepEqual(config, before);
});

test('redactUrl hides auth, code, pwd and percent-encoded names, in the query and the fragment', () => {
  assert.equal(
    redactUrl('https://app.example/health?auth=a1&code=c2&pwd=p3&pass%77ord=p4&region=eu#token=t5'),
    'https://app.example/health?auth=***&code=***&pwd=***&pass%77ord=***&region=eu#token=***',
  );
  assert.equal(redactUrl('https://app.example/health#section'), 'https://app.example/health#section');
});

test('redactCommandLine: every URL argument redacted, a lone user name too; undefined when nothing to hide', () => {
  const argv = [
    '/usr/bin/node',
    '/opt/smsmon/bin/smsmon.js',
    'top',
    '--redis',
    'redis-sentinel://s3cret@h1:26379,h2:26379/mymaster',
    '--db=postgres://app:pw@db/sms?sslpassword=x',
    'https://TOKEN123@app/health',
  ];
  assert.equal(
    redactCommandLine(argv),
    '/usr/bin/node /opt/smsmon/bin/smsmon.js top --redis redis-sentinel://***@h1:26379,h2:26379/mymaster ' +
      '--db=postgres://app:***@db/sms?sslpassword=*** https://***@app/health',
  );
  assert.equal(redactCommandLine(['node', 'smsmon.js', 'health', 'http://127.0.0.1:5001/health']), undefined);
});
