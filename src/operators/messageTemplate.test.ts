import { test } from 'node:test';
import assert from 'node:assert/strict';
import { messageTemplate } from './messageTemplate.js';
import { finalExceptionClass } from './errorType.js';

test('the same statement with other ids is one template', () => {
  const a = messageTemplate(
    'Task process_sms[9f0c1e2a-1b2c-4d3e-8f90-123456789abc] failed for user_id=41 after 3 retries',
  );
  const b = messageTemplate(
    'Task process_sms[00000000-aaaa-4bbb-8ccc-dddddddddddd] failed for user_id=7 after 10 retries',
  );
  assert.equal(a, 'Task process_sms[<uuid>] failed for user_id=<n> after <n> retries');
  assert.equal(a, b);
});

test('phones, emails, IPs, hex, durations and quoted values are masked', () => {
  assert.equal(messageTemplate('Received SMS from +15551234567'), 'Received SMS from <phone>');
  assert.equal(messageTemplate('mail to ops@example.com failed'), 'mail to <email> failed');
  assert.equal(messageTemplate('connect 10.0.0.12:5432 refused'), 'connect <ip> refused');
  assert.equal(messageTemplate('object at 0x7f3a2b1c deleted, id 1f0e'), 'object at <hex> deleted, id <hex>');
  assert.equal(messageTemplate('slow: took 812ms then 2.5s'), 'slow: took <duration> then <duration>');
  assert.equal(messageTemplate(`The 'To' number is "bad"`), 'The <quoted> number is <quoted>');
  assert.equal(messageTemplate('HTTP 401\nsecond line ignored'), 'HTTP <n>');
});

test('the final exception class of a chained traceback', () => {
  const text = [
    'Traceback (most recent call last):',
    '  File "a.py", line 1, in f',
    'twilio.base.exceptions.TwilioRestException: HTTP 400 error',
    '',
    'During handling of the above exception, another exception occurred:',
    '',
    'Traceback (most recent call last):',
    '  File "b.py", line 2, in g',
    '    raise self.retry(exc=exc)',
    '          ^^^^^^^^^^^^^^^^^^',
    "celery.exceptions.MaxRetriesExceededError: Can't retry",
  ].join('\n');
  assert.deepEqual(finalExceptionClass(text), {
    qualified: 'celery.exceptions.MaxRetriesExceededError',
    name: 'MaxRetriesExceededError',
  });
  assert.deepEqual(finalExceptionClass('Traceback (most recent call last):\n  File "x"\nKeyboardInterrupt'), {
    qualified: 'KeyboardInterrupt',
    name: 'KeyboardInterrupt',
  });
  assert.equal(finalExceptionClass('no traceback here'), null);
});
