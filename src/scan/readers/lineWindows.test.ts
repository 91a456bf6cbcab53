import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LineWindows } from './lineWindows.js';

/** Windows pushed as follow mode does: a read at a time, paused when the file goes quiet. */
function lineCollector(): { windows: LineWindows<string>; lines: string[]; finals: number } {
  const got = { lines: [] as string[], finals: 0 };
  const windows = new LineWindows(function* (window: Buffer, final: boolean): Generator<string, number> {
    if (final) got.finals++;
    const end = window[window.length - 1] === 0x0a ? window.length - 1 : window.length;
    if (window.length > 0) yield* window.toString('utf8', 0, end).split('\n');
    return window.length;
  });
  return Object.assign(got, { windows });
}

test('holds a partial line and a split UTF-8 character until the rest arrives, paused or not', () => {
  const { windows, lines } = lineCollector();
  const bytes = Buffer.from('héllo\r\nwörld 🎉\n\nend', 'utf8');
  for (let i = 0; i < bytes.length; i++) {
    for (const line of windows.push(bytes.subarray(i, i + 1))) lines.push(line);
    for (const line of windows.pause()) lines.push(line);
  }
  assert.deepEqual(lines, ['héllo\r', 'wörld 🎉', '']);
  for (const line of windows.end()) lines.push(line);
  assert.deepEqual(lines.at(-1), 'end');
  windows.release();
});

test('a pause scans the complete lines held as final; the unterminated one stays', () => {
  const collector = lineCollector();
  const { windows, lines } = collector;
  for (const line of windows.push(Buffer.from('a\nb'))) lines.push(line);
  for (const line of windows.pause()) lines.push(line);
  assert.deepEqual(lines, ['a']);
  assert.equal(collector.finals, 1);
  for (const line of windows.push(Buffer.from('c\n'))) lines.push(line);
  assert.deepEqual(lines, ['a', 'bc']);
  windows.release();
});
