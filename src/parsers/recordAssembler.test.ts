import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RecordAssembler } from './recordAssembler.js';
import { compilePythonFormat } from './pythonFormat.js';
import { JSON_FORMAT, VERBOSE_FORMAT } from '../core/families.js';
import { asctimeParser } from '../core/asctime.js';
import { wallClockIn } from '../core/timeZone.js';
import type { LogRecord } from '../core/record.js';
import { MAX_RECORD_BYTES, MAX_RECORD_LINES, TAIL_BYTES, TAIL_LINES } from '../core/recordLimits.js';
import { finalExceptionClass } from '../operators/errorType.js';

function parse(format: string, text: string): LogRecord[] {
  const assembler = new RecordAssembler({
    format: compilePythonFormat(format),
    parseTime: asctimeParser(wallClockIn('UTC')),
    file: 'x.log',
  });
  const out: LogRecord[] = [];
  text.split('\n').forEach((line, i) => assembler.push(line, i + 1, out));
  assembler.flush(out);
  return out;
}

test('a traceback, chained, with continuation lines that look like headers, is one record', () => {
  const text = [
    'INFO 2024-01-20 16:30:00,123 views 1 2 first',
    'ERROR 2024-01-20 16:30:01,000 tasks 1 3 Task process_sms[ab12] failed',
    'Traceback (most recent call last):',
    '  File "tasks.py", line 10, in run',
    'KeyError: 1',
    '',
    'During handling of the above exception, another exception occurred:',
    '',
    'Traceback (most recent call last):',
    'openai.RateLimitError: Error code: 429',
    'ERROR 2024-02-30 16:30:01,000 tasks 1 3 not a real date, so not a header',
    'WARNING 2024-01-20 16:30:02,000 views 1 2 last',
  ].join('\n');
  const records = parse(VERBOSE_FORMAT, text);
  assert.equal(records.length, 3);
  const error = records[1]!;
  assert.equal(error.message, 'Task process_sms[ab12] failed');
  assert.ok(error.excText.startsWith('Traceback (most recent call last):'));
  assert.ok(error.excText.includes('openai.RateLimitError: Error code: 429\nERROR 2024-02-30'));
  assert.equal(error.line, 2);
  assert.equal(error.pid, 1);
  assert.equal(error.thread, 3);
  assert.equal(error.time, Date.UTC(2024, 0, 20, 16, 30, 1, 0));
  assert.equal(records[2]!.line, 12);
  assert.equal(error.raw, text.split('\n').slice(1, 11).join('\n'));
});

test('a message with embedded newlines, \\r and empty lines keeps them all', () => {
  const records = parse(VERBOSE_FORMAT, 'INFO 2024-01-20 16:30:00,123 views 1 2 a\r\n\nb\nERROR in c');
  assert.equal(records.length, 1);
  assert.equal(records[0]!.message, 'a\r\n\nb\nERROR in c');
  assert.equal(records[0]!.excText, '');
});

test('lines before the first header become unparsed records, one per line', () => {
  const records = parse(
    VERBOSE_FORMAT,
    'garbage one\ngarbage two\nINFO 2024-01-20 16:30:00,123 views 1 2 ok',
  );
  assert.deepEqual(
    records.map((r) => [r.unparsed, r.message, r.line]),
    [
      [true, 'garbage one', 1],
      [true, 'garbage two', 2],
      [false, 'ok', 3],
    ],
  );
});

test('sms json: valid, invalid (quotes, backslash, tab), multi-line, \\u00e9 and appended traceback', () => {
  const h = (m: string): string =>
    `{"level": "INFO", "time": "2024-01-20 16:30:00,123", "module": "sms", "message": "${m}"}`;
  const lines = [
    h('plain'),
    h('she said "hi"'),
    h('C:\\path'),
    h('tab\there'),
    h('caf\\u00e9'),
    h('two\nlines'),
    '{"level": "ERROR", "time": "2024-01-20 16:30:01,000", "module": "sms", "message": "failed"}',
    'Traceback (most recent call last):',
    '  File "x.py", line 1',
    'ValueError: "}',
    h(''),
  ];
  const records = parse(JSON_FORMAT, lines.join('\n'));
  assert.deepEqual(
    records.map((r) => [r.message, r.recovered]),
    [
      ['plain', false],
      ['she said "hi"', true],
      ['C:\\path', true],
      ['tab\there', true],
      ['caf\\u00e9', true],
      ['two\nlines', true],
      ['failed', false],
      ['', false],
    ],
  );
  assert.equal(
    records[6]!.excText,
    'Traceback (most recent call last):\n  File "x.py", line 1\nValueError: "}',
  );
  assert.equal(records[6]!.level, 'ERROR');
});

test('a record past its line cap keeps its head and last lines, counts the rest, and its exception', () => {
  const lines = ['ERROR 2024-01-20 16:30:00,123 views 1 2 deep', 'Traceback (most recent call last):'];
  for (let i = 0; i < 30_000; i++) lines.push(`  File "f.py", line ${i}, in f`);
  lines.push('ValueError: bottom reached');
  const records = parse(VERBOSE_FORMAT, lines.join('\n'));
  assert.equal(records.length, 1); // was 20,003 unparsed records after the first 10,000 lines
  const [record] = records;
  assert.equal(record!.unparsed, false);
  const kept = record!.raw.split('\n');
  assert.equal(kept.length, MAX_RECORD_LINES + TAIL_LINES);
  assert.equal(kept.at(-1), 'ValueError: bottom reached');
  const dropped = lines.slice(MAX_RECORD_LINES, lines.length - TAIL_LINES);
  assert.equal(record!.truncatedBytes, Buffer.byteLength(dropped.join('\n')) + 1);
  assert.equal(finalExceptionClass(record!.excText)?.name, 'ValueError');
});

test('a record past its byte cap keeps its head up to the cap and its last lines', () => {
  const line = '  ' + 'y'.repeat(4094);
  const lines = ['ERROR 2024-01-20 16:30:00,123 views 1 2 wide', 'Traceback (most recent call last):'];
  for (let i = 0; i < 1000; i++) lines.push(line);
  lines.push('KeyError: 1', 'INFO 2024-01-20 16:30:01,000 views 1 2 next');
  const [record, next] = parse(VERBOSE_FORMAT, lines.join('\n'));
  assert.ok(record!.raw.length <= MAX_RECORD_BYTES + TAIL_BYTES + 2 * line.length);
  assert.ok(record!.truncatedBytes > 2_000_000);
  assert.equal(finalExceptionClass(record!.excText)?.name, 'KeyError');
  assert.equal(next!.message, 'next');
});

test('a record written with CRLF line ends splits its traceback and names its exception', () => {
  const text = [
    'ERROR 2024-01-20 16:30:00,123 views 1 2 OpenAI call failed\r',
    'Traceback (most recent call last):\r',
    '  File "views.py", line 3, in call\r',
    'openai.RateLimitError: Error code: 429\r',
    'INFO 2024-01-20 16:30:01,000 views 1 2 done\r',
  ].join('\n');
  const [record, done] = parse(VERBOSE_FORMAT, text);
  assert.equal(record!.message, 'OpenAI call failed');
  assert.equal(finalExceptionClass(record!.excText)?.name, 'RateLimitError');
  assert.equal(done!.message, 'done');
  assert.equal(record!.raw, text.split('\n').slice(0, 4).join('\n'), 'raw stays as written');
});
