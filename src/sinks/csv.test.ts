import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toCsv } from './csv.js';

test('csv quotes only what needs it', () => {
  assert.equal(
    toCsv(
      ['a', 'b'],
      [
        [1, 'x,y'],
        ['say "hi"', null],
        ['two\nlines', 'plain'],
      ],
    ),
    'a,b\r\n1,"x,y"\r\n"say ""hi""",\r\n"two\nlines",plain\r\n',
  );
});
