import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LineSplitter } from './lineSplitter.js';

test('holds a partial line and a split UTF-8 character until the rest arrives', () => {
  const splitter = new LineSplitter();
  const bytes = Buffer.from('héllo\r\nwörld 🎉\nend', 'utf8');
  const lines: string[] = [];
  for (let i = 0; i < bytes.length; i++) {
    const batch = splitter.push(bytes.subarray(i, i + 1));
    if (batch) lines.push(...batch.lines);
  }
  assert.deepEqual(lines, ['héllo\r', 'wörld 🎉']);
  assert.deepEqual(splitter.end(), { lines: ['end'], firstLine: 3 });
});

test('line numbers continue across chunks and empty lines count', () => {
  const splitter = new LineSplitter();
  assert.deepEqual(splitter.push(Buffer.from('a\n\nb')), { lines: ['a', ''], firstLine: 1 });
  assert.deepEqual(splitter.push(Buffer.from('c\nd\n')), { lines: ['bc', 'd'], firstLine: 3 });
  assert.equal(splitter.end(), null);
});
