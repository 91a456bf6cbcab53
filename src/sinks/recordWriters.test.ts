import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { testRecord } from '../../test/kit/logRecord.js';
import { Output } from './output.js';
import { RECORD_WRITERS } from './recordWriters.js';

/** What reaches a terminal raw: ESC, C0/C1 controls other than the layout's newline, bidi overrides. */
const RAW_CONTROL = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const HOSTILE = '\x1b]52;c;aGk=\x07\x1b]0;owned\x07\x1b[2J\u202e\x9b1m';

async function textOf(label: string, fields: Partial<Parameters<typeof testRecord>[1]>): Promise<string> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const output = new Output(stream);
  const writer = RECORD_WRITERS.text!({ output, color: true, terminal: true, labels: true });
  writer.write(testRecord(`body ${HOSTILE}`, fields), label);
  writer.end();
  await output.flush();
  return Buffer.concat(chunks).toString('utf8');
}

test('text records: every header field escaped, not only the message (a forged header carries its module)', async () => {
  const text = await textOf(`app${HOSTILE}`, {
    module: `forged${HOSTILE}`,
    level: `ERROR${HOSTILE}`,
    timeText: `2024-01-20 00:00:00,000${HOSTILE}`,
    excText: `Traceback${HOSTILE}`,
  });
  // Colour codes are smsmon's own: strip exactly those, then nothing raw may remain.
  const withoutColour = text.replace(/\x1b\[\d+(?:;\d+)*m/g, '');
  assert.doesNotMatch(withoutColour.replace(/\n/g, ''), RAW_CONTROL, JSON.stringify(withoutColour));
  assert.match(text, /forged\\x1b\]52;c;aGk=\\x07/);
});
