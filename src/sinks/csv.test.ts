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

test('csv on a terminal: each cell escaped to one line, no control byte raw', () => {
  const cell = 'views\x1b]0;owned\x07\r\x9b2J';
  const text = toCsv(['module'], [[cell]], { terminal: true });
  assert.equal(text, 'module\r\nviews\\x1b]0;owned\\x07\\r\\x9b2J\r\n');
  assert.equal(toCsv(['module'], [[cell]]), `module\r\n"${cell}"\r\n`, 'piped: the text as it is');
});
