import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeNotice } from './notice.js';

test('a notice is one line: a server reply cannot add lines or escapes; a regex keeps its backslashes', () => {
  let written = '';
  const stream = { write: (text: string) => (written += text) } as unknown as NodeJS.WritableStream;
  writeNotice('database "db\x1b]0;owned\x07\u009b2J\u202e" does not exist\nsmsmon: forged', stream);
  writeNotice('bad --pattern regex "took (\\d+"', stream);
  assert.equal(
    written,
    'smsmon: database "db\\x1b]0;owned\\x07\\x9b2J\\u202e" does not exist\\nsmsmon: forged\n' +
      'smsmon: bad --pattern regex "took (\\d+"\n',
  );
});
