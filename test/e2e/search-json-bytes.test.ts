import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runSmsmon } from '../kit/runSmsmon.js';

/**
 * --ndjson and --json records are encoded straight into bytes (sinks/jsonBytes.ts): each line
 * must be the text JSON.stringify gives for the same values, in the same key order, whatever
 * the log holds (quotes, backslashes, controls, invalid UTF-8, U+2028, characters past the BMP).
 */
const dir = mkdtempSync(join(tmpdir(), 'smsmon-json-bytes-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const MESSAGES: readonly (string | Buffer)[] = [
  'Twilio said "queued" \\ C:\\path\\ \t tab',
  'Twilio \x1b[31mred\x1b[0m \x7f \u0085 \u2028 \u2029 \u202e bidi',
  'Twilio ✅ 中文 😀 𝄞',
  Buffer.concat([
    Buffer.from('Twilio invalid '),
    Buffer.from([0xed, 0xa0, 0x80, 0xff, 0xc3]),
    Buffer.from(' end'),
  ]),
  'twilio lower case, only -i finds it',
];

function logFile(): Buffer {
  const lines: Buffer[] = [];
  MESSAGES.forEach((message, i) => {
    const header = `INFO 2024-01-20 10:00:0${i},12${i} views 4242 140397187553024 `;
    lines.push(
      Buffer.from(header),
      Buffer.isBuffer(message) ? message : Buffer.from(message),
      Buffer.from('\n'),
    );
  });
  lines.push(
    Buffer.from(
      'ERROR 2024-01-20 10:00:09,999 tasks 7 8 send failed "x"\nTraceback (most recent call last):\n' +
        '  File "/app/twilio_service.py", line 41, in send\ntwilio.base.exceptions.TwilioRestException: HTTP 429 \\o/\n',
    ),
  );
  return Buffer.concat(lines);
}
writeFileSync(join(dir, 'app.log'), logFile());

function search(...args: string[]): ReturnType<typeof runSmsmon> {
  return runSmsmon(['logs', 'search', 'app', '--dir', dir, ...args]);
}

function assertStringifiedLines(lines: readonly string[]): void {
  for (const line of lines) assert.equal(JSON.stringify(JSON.parse(line)), line);
}

test('--ndjson lines are JSON.stringify text, with and without -i', async () => {
  for (const args of [
    ['--grep', 'Twilio'],
    ['-i', '--grep', 'twilio'],
  ]) {
    const { stdout, code } = await search(...args, '--ndjson');
    assert.equal(code, 0);
    const lines = stdout.trimEnd().split('\n');
    assert.equal(lines.length, args[0] === '-i' ? 6 : 5);
    assertStringifiedLines(lines);
    const records = lines.map((l) => JSON.parse(l) as { message: string; exc_text: string; time: string });
    assert.equal(records[0]!.message, MESSAGES[0]);
    assert.equal(records[3]!.message, 'Twilio invalid \ufffd\ufffd\ufffd\ufffd\ufffd end');
    assert.equal(records[0]!.time, '2024-01-20T10:00:00.120Z');
    assert.match(records.at(-1)!.exc_text, /TwilioRestException: HTTP 429 \\o\/$/);
  }
});

test('--json is an array of the same lines', async () => {
  const { stdout, code } = await search('--grep', 'Twilio', '--json');
  assert.equal(code, 0);
  const ndjson = await search('--grep', 'Twilio', '--ndjson');
  assert.equal(stdout, `[\n${ndjson.stdout.trimEnd().split('\n').join(',\n')}\n]\n`);
});
