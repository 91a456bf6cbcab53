import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { Progress } from './progress.js';

/** A terminal as ora sees one: a TTY that reports a width. */
function terminal(): { stream: NodeJS.WriteStream; written: () => string } {
  let written = '';
  const write = (text: string): boolean => ((written += text), true);
  // What tty.WriteStream writes for these (node:readline's escapes).
  const stream = {
    isTTY: true,
    columns: 200,
    write,
    cursorTo: (x: number) => write(`\x1b[${x + 1}G`),
    clearLine: () => write('\x1b[2K'),
    moveCursor: (_dx: number, dy: number) => write(dy < 0 ? `\x1b[${-dy}A` : dy > 0 ? `\x1b[${dy}B` : ''),
  } as unknown as NodeJS.WriteStream;
  return { stream, written: () => written };
}

test('a scan shows nothing in its first second, then the file and bytes, and clears its line at the end', async () => {
  const { stream, written } = terminal();
  const progress = new Progress(2 * 1048576, true, stream);
  progress.source('/logs/app.log.3');
  progress.add(1048576);
  await sleep(700);
  assert.equal(written(), '', 'nothing before a second');
  await sleep(900);
  assert.match(written(), /scanning \/logs\/app\.log\.3 1\.0\/2\.0 MB 50%/);
  progress.stop();
  assert.match(written(), /\x1b\[\?25h$/, 'the cursor is shown again at the end');
});

test('a file name shown in the progress line is escaped: it can carry escapes too', async () => {
  const { stream, written } = terminal();
  const progress = new Progress(100, true, stream);
  progress.source('/logs/app\x1b]0;owned\x07\u009b2J\u202e.log');
  await sleep(1500);
  progress.stop();
  assert.match(written(), /scanning \/logs\/app\\x1b\]0;owned\\x07\\x9b2J\\u202e\.log/);
  // Only ora's own control sequences: cursor moves, line erase, cursor show/hide, synchronized output.
  const withoutOwn = written().replace(/\x1b\[(?:\?25[hl]|\?2026[hl]|\d*[GK]|\d*[AB])/g, '');
  assert.doesNotMatch(withoutOwn, /[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e]/);
});

test('disabled: nothing is ever written', async () => {
  const { stream, written } = terminal();
  const progress = new Progress(100, false, stream);
  progress.add(50);
  await sleep(1300);
  progress.stop();
  assert.equal(written(), '');
});
