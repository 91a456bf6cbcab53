import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { Progress } from './progress.js';

test('a file name shown in the progress line is escaped: it can carry escapes too', async () => {
  let written = '';
  const stream = {
    columns: 200,
    write: (text: string) => (written += text),
  } as unknown as NodeJS.WriteStream;
  const progress = new Progress(100, true, stream);
  progress.source('/logs/app\x1b]0;owned\x07\u009b2J\u202e.log');
  await sleep(1300);
  progress.stop();
  const shown = written.replaceAll('\r\x1b[K', '');
  assert.match(shown, /scanning \/logs\/app\\x1b\]0;owned\\x07\\x9b2J\\u202e\.log/);
  assert.doesNotMatch(shown, /[\x00-\x1f\x7f-\x9f\u202a-\u202e]/);
});
