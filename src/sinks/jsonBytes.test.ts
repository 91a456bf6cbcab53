import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isoTimeBytes } from './isoTimeBytes.js';
import { jsonString, jsonStringMaxBytes, numberText } from './jsonBytes.js';
import { AWKWARD_STRINGS } from '../../test/kit/awkwardText.js';

function encoded(write: (bytes: Buffer, at: number) => number, maxBytes: number): Buffer {
  const bytes = Buffer.alloc(maxBytes + 8, 0xaa);
  const end = write(bytes, 3);
  assert.ok(end - 3 <= maxBytes, `wrote ${end - 3} bytes, promised at most ${maxBytes}`);
  return bytes.subarray(3, end);
}

test('jsonString writes the UTF-8 bytes of JSON.stringify, short and long strings alike', () => {
  for (const text of AWKWARD_STRINGS) {
    const bytes = encoded((b, at) => jsonString(b, at, text), jsonStringMaxBytes(text));
    assert.deepEqual(bytes, Buffer.from(JSON.stringify(text), 'utf8'), JSON.stringify(text));
  }
  // Every UTF-16 unit alone and after a high surrogate.
  for (let code = 0; code <= 0xffff; code++) {
    for (const text of [String.fromCharCode(code), `\ud800${String.fromCharCode(code)}`]) {
      const bytes = encoded((b, at) => jsonString(b, at, text), jsonStringMaxBytes(text));
      if (!bytes.equals(Buffer.from(JSON.stringify(text), 'utf8'))) assert.fail(`U+${code.toString(16)}`);
    }
  }
});

test('numberText writes String(value)', () => {
  const values = [0, 7, 9, 10, 99, 100, 4242, 140397187553024, 2 ** 53 - 1, 2 ** 53, 1e21, 1.5, -1, -0];
  for (const value of [...values, NaN, Infinity, -Infinity, Number.MAX_VALUE]) {
    const bytes = encoded((b, at) => numberText(b, at, value), 32);
    assert.equal(bytes.toString('latin1'), String(value));
  }
});

test('isoTimeBytes writes toISOString, also across leap days, years and the ends of its range', () => {
  const times = [
    0,
    1,
    999,
    Date.UTC(2000, 1, 29, 23, 59, 59, 999),
    Date.UTC(2024, 0, 20, 16, 30, 0, 123),
    Date.UTC(2100, 1, 28, 12),
    Date.UTC(2100, 2, 1),
    Date.UTC(9999, 11, 31, 23, 59, 59, 999),
    Date.UTC(10000, 0, 1),
    -1,
    Date.UTC(1969, 11, 31),
    Date.UTC(-1, 0, 1),
    1.5,
  ];
  for (let day = 0; day < 2_932_897; day += 997) times.push(day * 86_400_000 + ((day * 7919) % 86_400_000));
  for (const time of times) {
    const bytes = encoded((b, at) => isoTimeBytes(b, at, time), 32);
    assert.equal(bytes.toString('latin1'), new Date(time).toISOString(), String(time));
  }
  assert.throws(() => isoTimeBytes(Buffer.alloc(32), 0, NaN), RangeError);
});
