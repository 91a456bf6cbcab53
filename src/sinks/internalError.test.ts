import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeInternalError } from './internalError.js';

function written(error: unknown, env: NodeJS.ProcessEnv): string {
  let text = '';
  const stream = { write: (chunk: string) => (text += chunk) } as unknown as NodeJS.WritableStream;
  writeInternalError(error, env, stream);
  return text;
}

test('an internal error is one line, its URL passwords hidden; the stack only with SMSMON_DEBUG=1', () => {
  const error = new Error('connect failed: redis://:hunter2@cache:6379\nsecond line');
  assert.equal(
    written(error, {}),
    'smsmon: internal error: connect failed: redis://:***@cache:6379 second line\n',
  );
  const debug = written(error, { SMSMON_DEBUG: '1' }).split('\n');
  assert.equal(debug[0], 'smsmon: internal error: connect failed: redis://:***@cache:6379 second line');
  assert.match(
    debug.slice(1).join('\n'),
    /^Error: connect failed: redis:\/\/:\*\*\*@cache:6379\nsecond line\n\s+at /,
  );
  assert.doesNotMatch(debug.join('\n'), /hunter2/);
});

test('an error without a message is named; a thrown non-Error is shown as text', () => {
  assert.equal(written(new TypeError(''), {}), 'smsmon: internal error: TypeError\n');
  assert.equal(written('plain text', { SMSMON_DEBUG: '1' }), 'smsmon: internal error: plain text\n');
});
