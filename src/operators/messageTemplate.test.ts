import { test } from 'node:test';
import assert from 'node:assert/strict';
import { messageTemplate } from './messageTemplate.js';
import { finalExceptionClass } from './errorType.js';

test('the same statement with other ids is one template', () => {
  const a = messageTemplate(
    'Task process_sms[9f0c1e2a-1b2c-4d3e-8f90-123456789abc] failed for user_id=41 after 3 retries',
  );
  const b = messageTemplate(
    'Task process_sms[00000000-aaaa-4bbb-8ccc-dddddddddddd] failed for user_id=None after 10 retries',
  );
  assert.equal(a, 'Task process_sms[<uuid>] failed for user_id=<*> after <*> retries');
  assert.equal(a, b);
});

const SHAPES: ReadonlyArray<readonly [string, string]> = [
  ['Received SMS from +15551234567', 'Received SMS from <phone>'],
  ['call +1 (555) 123-4567, (555) 123-4567 or 555-123-4567', 'call <phone>, <phone> or <phone>'],
  ['call +44 20 7946 0958 42 times', 'call <phone> <*> times'],
  ['mail to ops@example.com failed', 'mail to <email> failed'],
  ['GET https://api.example.com/v1/x?a=1&b=c. done', 'GET <url>. done'],
  ['connect 10.0.0.12:5432 refused', 'connect <ip> refused'],
  ['from 2001:db8::8a2e:370:7334 and [::1]:8000', 'from <ip> and [<ip>]:<*>'],
  ['object at 0x7f3a2b1c deleted, id 1f0e deadbeef', 'object at <*> deleted, id <*> <*>'],
  ['SM0673dee35009774b6645ff12b0c9d644 req_8f3a9b user_4411 abc123DEF', '<*> <*> <*> <*>'],
  ['signature Zm9vYmFy+/Q3xw== and ch_HQrMJKKMnxouNNUGObzljino', 'signature <*> and <*>'],
  ['session ca65e2aa-63ec, range 1-5, version 3.2.18', 'session <*>, range <*>, version <*>'],
  ['slow: took 812ms then 2.5s, 2m05s, 512MB', 'slow: took <duration> then <duration>, <duration>, <size>'],
  ['-3.25 and 1,234,567 and 1e-05 rows', '<*> and <*> and <*> rows'],
  ['at 2024-01-20T16:30:00.123Z, 2024-01-20 16:30:00,123', 'at <datetime>, <date> <time>'],
  ['open /media/uploads/4411/avatar.png and /tmp/tmpxkqzbwta.', 'open <path> and <path>.'],
  ['GET uploads/4411/a8f3k2.png n/a 1/3', 'GET uploads/<*>/<*>.png n/a <*>/<*>'],
  ['Cache miss for key user:42:profile', 'Cache miss for key user:<*>:profile'],
  ["The 'To' number is \"bad\", can't 'x'", "The <quoted> number is <quoted>, can't <quoted>"],
  ['status=queued, mode=a.b; path=/x/y', 'status=<*>, mode=a.b; path=<path>'],
  ['HTTP 401\nsecond line ignored', 'HTTP <*>'],
];

test('tokens are masked by their shape; words, keys and class names are kept', () => {
  for (const [message, template] of SHAPES) assert.equal(messageTemplate(message), template, message);
  const words = 'MaxRetriesExceededError in X-Twilio-Signature for HTTP_HOST: Connection refused.';
  assert.equal(messageTemplate(words), words);
});

test('a long message is cut after the template has masked what it keeps', () => {
  const template = messageTemplate(`${'id 42 '.repeat(100)}end`);
  assert.equal(template, `${'id <*> '.repeat(100)}`.slice(0, 200) + '…');
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
