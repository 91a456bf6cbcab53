import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Alert } from './alert.js';
import { alertMessage, CPU_ALERT, ERROR_RATE_ALERT } from '../../test/kit/alerts.js';
import { emailText, slackText } from './alertText.js';

const cpu = CPU_ALERT;
const errors = ERROR_RATE_ALERT;
const message = alertMessage;

test("firing: the guide's heading, one line per alert with its severity, then host and time", () => {
  assert.equal(
    slackText(message('firing', [cpu, errors])),
    '🚨 SMS-to-AI Agent Alert\n\n' +
      '[critical] cpu_percent 93.1 % ≥ critical 90 %\n' +
      '[warning] error_rate 7.2 % ≥ warning 5 %\n\n' +
      'host web-1 · 2024-01-20T12:30:00.000Z',
  );
  const mail = emailText(message('firing', [errors, cpu]));
  assert.equal(mail.subject, 'SMS-to-AI Agent Alert [critical]: 2 alerts firing on web-1');
  assert.equal(
    mail.body,
    '🚨 SMS-to-AI Agent Alert\n\n' +
      '[warning] error_rate 7.2 % ≥ warning 5 %\n' +
      '[critical] cpu_percent 93.1 % ≥ critical 90 %\n\n' +
      'host web-1 · 2024-01-20T12:30:00.000Z\n',
  );
});

test('the subject carries the worst severity and the count', () => {
  assert.equal(
    emailText(message('firing', [errors])).subject,
    'SMS-to-AI Agent Alert [warning]: 1 alert firing on web-1',
  );
});

test('resolved: a ✅ heading and the alerts that cleared', () => {
  const text = slackText(message('resolved', [cpu]));
  assert.match(text, /^✅ SMS-to-AI Agent Alert resolved\n\n\[critical\] cpu_percent 93\.1 %/);
  assert.equal(
    emailText(message('resolved', [cpu])).subject,
    'SMS-to-AI Agent Alert resolved: 1 alert on web-1',
  );
});

test('test: a line saying it is a test, and the host it came from', () => {
  const text = slackText(message('test', []));
  assert.match(text, /^🧪 SMS-to-AI Agent Alert test\n\nThis is a test from `smsmon alerts test`/);
  assert.match(text, /host web-1 · 2024-01-20T12:30:00\.000Z$/);
  const mail = emailText(message('test', []));
  assert.equal(mail.subject, 'SMS-to-AI Agent Alert test from web-1');
  assert.match(mail.body, /This is a test/);
});

test('Slack markup characters are escaped; line breaks in a message or host cannot add lines', () => {
  const odd: Alert = { ...cpu, message: 'queue <db> & redis\nINJECTED' };
  const text = slackText(message('firing', [odd], 'web\r\nBcc: x@evil'));
  assert.match(text, /\[critical\] queue &lt;db&gt; &amp; redis INJECTED\n/);
  assert.doesNotMatch(text, /<|>/);
  const mail = emailText(message('firing', [odd], 'web\r\nBcc: x@evil'));
  assert.doesNotMatch(mail.subject, /[\r\n]/);
  assert.equal(mail.body.split('\n').length, 6);
  assert.match(mail.body, /\[critical\] queue <db> & redis INJECTED/);
});
