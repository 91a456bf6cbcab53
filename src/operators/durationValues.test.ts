import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { LogRecord } from '../core/record.js';
import { testRecord } from '../../test/kit/logRecord.js';
import { SmsmonError } from '../core/errors.js';
import { compileDurationReader, GARBAGE, type DurationSourceOptions } from './durationValues.js';

const record = testRecord;

const read = (
  message: string,
  options: Partial<DurationSourceOptions> = {},
  extra: Partial<LogRecord> = {},
) => compileDurationReader({ bareExponent: 0, ...options }).read(record(message, extra));

test('every processing_time spelling and unit; a bare number is seconds', () => {
  const cases: Array<[string, number]> = [
    ['POST /sms/webhook/ 200 processing_time=0.060', 0.06],
    ['SMS handled for user_id=5 processing_time: 0.53s', 0.53],
    ['processing_time 812ms', 0.812],
    ['processing_time=812 ms', 0.812],
    ['processing_time=250us', 0.00025],
    ['processing_time=250µs', 0.00025],
    ['processing_time=250μs', 0.00025],
    ['processing_time=1.5seconds', 1.5],
    ['processing_time=0.000', 0],
    ['processing_time=.5', 0.5],
    ['processing_time=1e3', 1000],
    ['{"processing_time": "0.25s", "status": 200}', 0.25],
    ["{'processing_time': 0.25}", 0.25],
    ['took too long (processing_time=3.2s).', 3.2],
    ['processing_time: 0.53s. Next sentence', 0.53],
    ['processing_time=0.5,user=3', 0.5],
    ['processing_time=99999999999', 99999999999],
    ['processing_time=1e300', 1e300],
  ];
  for (const [message, seconds] of cases) assert.equal(read(message), seconds, message);
});

test('ms and us are read as decimals: 812ms is exactly the double of 0.812', () => {
  assert.equal(read('processing_time=812ms'), 0.812);
  assert.equal(read('processing_time=1.234ms'), 0.001234);
  assert.equal(read('processing_time=7us'), 0.000007);
});

test('--unit gives bare numbers a unit; written units still win', () => {
  assert.equal(read('processing_time=812', { bareExponent: -3 }), 0.812);
  assert.equal(read('processing_time=2s', { bareExponent: -3 }), 2);
});

test('garbage where a number should be is GARBAGE, with its text', () => {
  const reader = compileDurationReader({ bareExponent: 0 });
  for (const [message, text] of [
    ['processing_time=abc', 'processing_time=abc'],
    ['processing_time=None user=5', 'processing_time=None'],
    ['processing_time: nan', 'processing_time: nan'],
    ['processing_time=inf', 'processing_time=inf'],
    ['processing_time=-1', 'processing_time=-1'],
    ['processing_time=1.2.3', 'processing_time=1.2.3'],
    ['processing_time=12abc', 'processing_time=12abc'],
    ['processing_time=5ks', 'processing_time=5ks'],
    ['processing_time=1e999', 'processing_time=1e999'],
    ['processing_time=', 'processing_time='],
    ['processing_time 5x', 'processing_time 5x'],
  ]) {
    assert.equal(reader.read(record(message!)), GARBAGE, message);
    assert.equal(reader.garbageText, text);
  }
});

test('no value: prose, other words, a traceback quoting processing_time', () => {
  assert.equal(read('processing_time exceeded the budget'), null);
  assert.equal(read('avg_processing_time=0.5'), null);
  assert.equal(read('processing_timeout=5'), null);
  assert.equal(read('nothing here'), null);
  const excText =
    'Traceback (most recent call last):\n  log(f"processing_time={t}")\nValueError: processing_time=1.0';
  assert.equal(read('Request failed', {}, { excText, raw: `Request failed\n${excText}` }), null);
});

test('the first processing_time that has a separator counts', () => {
  assert.equal(read('processing_time exceeded: processing_time=2.5 (limit processing_time=1)'), 2.5);
});

test('a value on a continuation line of a multi-line message counts', () => {
  assert.equal(read('Request summary:\n  processing_time=1.25s'), 1.25);
});

test('the value is parsed from the message as bytes: long lines, characters past Latin-1, a line end', () => {
  assert.equal(read('processing_time=' + ' '.repeat(300) + '0.5 ms'), 0.0005);
  assert.equal(read('x'.repeat(5000) + ' processing_time=' + '7'.repeat(300)), Number('7'.repeat(300)));
  assert.equal(read('Ω processing_time=0.5 Ω'), 0.5);
  assert.equal(read('\u015eprocessing_time=1'), 1); // only ASCII letters make a word
  assert.equal(read('processing_time=1\u0133'), GARBAGE); // U+0133 is not '3' (0x33)
  assert.equal(read('processing_time=1\u0173s'), GARBAGE); // U+0173 is not 's' (0x73)
  assert.equal(read('processing_time=0.5\nprocessing_time=2'), 0.5);
  assert.equal(read('processing_time=\n0.5'), GARBAGE);
  assert.equal(read('processing_time 0.5 \n'), 0.5);
});

test('--pattern: a value group, a unit group, a unit written right after the value', () => {
  assert.equal(read('OpenAI reply in 1.19s tokens=5', { pattern: String.raw`in (?<value>[\d.]+)s` }), 1.19);
  assert.equal(read('took 812ms', { pattern: String.raw`took (?<value>\d+)` }), 0.812);
  assert.equal(read('took 812ms', { pattern: String.raw`took (?<value>\d+)ms`, bareExponent: -3 }), 0.812);
  assert.equal(read('took 3 us', { pattern: String.raw`took (?<value>\d+) (?<unit>\w+)` }), 0.000003);
  assert.equal(read('took 812', { pattern: String.raw`took (?<value>\d+)` }), 812);
  // The value's text occurs twice in the match: its end comes from the match indices.
  assert.equal(read('5 then 5ms', { pattern: String.raw`(?<first>\d+) then (?<value>\d+)` }), 0.005);
  assert.equal(read('nothing', { pattern: String.raw`took (?<value>\d+)` }), null);
  assert.equal(read('took 5 parsecs', { pattern: String.raw`took (?<value>\d+) (?<unit>\w+)` }), GARBAGE);
  assert.equal(read('took x', { pattern: String.raw`took (?<value>\S+)` }), GARBAGE);
});

test('--pattern must compile and have a value group', () => {
  const usage = (pattern: string, message: RegExp) =>
    assert.throws(
      () => compileDurationReader({ pattern, bareExponent: 0 }),
      (e: unknown) => e instanceof SmsmonError && e.exitCode === 2 && message.test(e.message),
    );
  usage('took (\\d+', /bad --pattern regex/);
  usage('took (\\d+)ms', /no \(\?<value>…\) group/);
  usage('took (?<ms>\\d+)', /no \(\?<value>…\) group/);
  assert.throws(() => compileDurationReader({ pattern: 'x', field: 'y', bareExponent: 0 }), /exclude/);
});

test('--field: a --format attribute, or a key of a JSON message', () => {
  assert.equal(read('done', { field: 'duration' }, { extra: { duration: '0.75' } }), 0.75);
  assert.equal(read('done', { field: 'duration' }, { extra: { duration: '750ms' } }), 0.75);
  assert.equal(read('{"event": "sms", "duration": 0.5}', { field: 'duration' }), 0.5);
  assert.equal(read('{"event": "sms", "duration": 500}', { field: 'duration', bareExponent: -3 }), 0.5);
  assert.equal(read('{"duration": "2s"}', { field: 'duration' }), 2);
  assert.equal(read('{"event": "sms"}', { field: 'duration' }), null);
  assert.equal(read('{not json', { field: 'duration' }), null);
  assert.equal(read('duration=5', { field: 'duration' }), null);
  assert.equal(read('{"duration": null}', { field: 'duration' }), GARBAGE);
  assert.equal(read('{"duration": "slow"}', { field: 'duration' }), GARBAGE);
  assert.equal(read('{"duration": -2}', { field: 'duration' }), GARBAGE);
  assert.equal(read('x', { field: 'duration' }, { extra: { duration: 'None' } }), GARBAGE);
});

test('a keyword for a byte prefilter: processing_time, a literal of the --pattern, none for --field', () => {
  assert.equal(compileDurationReader({ bareExponent: 0 }).keyword, 'processing_time');
  assert.equal(
    compileDurationReader({ bareExponent: 0, pattern: String.raw`took (?<value>\d+)` }).keyword,
    'took ',
  );
  assert.equal(compileDurationReader({ bareExponent: 0, pattern: '(?<value>1)' }).keyword, undefined);
  assert.equal(compileDurationReader({ bareExponent: 0, field: 'd' }).keyword, undefined);
});
