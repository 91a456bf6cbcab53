import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { LogRecord } from '../core/record.js';
import { InjectionCheck, WRITER_SKEW_MS, type InjectionCheckOptions } from './injectionCheck.js';
import { unparsedRecord } from './recordAssembler.js';

const T = Date.UTC(2024, 0, 20, 12, 0, 0);
const S = 1000;

function record(seconds: number, raw = 'x', line = 0): LogRecord {
  return { ...unparsedRecord(raw, 'app.log', line), unparsed: false, time: T + seconds * S };
}

/** Which records (by index) come out suspect, fed in order with the given options. */
function suspects(records: LogRecord[], options: Partial<InjectionCheckOptions> = {}): number[] {
  const check = new InjectionCheck({ suffix: '', consecutive: true, lookahead: true, ...options });
  const out: LogRecord[] = [];
  for (const r of options.backward ? [...records].reverse() : records) check.push(r, out);
  check.flush(out);
  assert.equal(out.length, records.length, 'every record comes out');
  return records.flatMap((r, i) => (r.suspect === 'injected' ? [i] : []));
}

const times = (...seconds: number[]): LogRecord[] => seconds.map((s) => record(s));

test('a record stamped back in time between two that agree is suspect, forwards and backwards', () => {
  assert.deepEqual(suspects(times(0, 1, -3600, 2, 3)), [2]);
  assert.deepEqual(suspects(times(0, 1, -3600, 2, 3), { backward: true }), [2]);
  assert.deepEqual(suspects(times(0, 1, -3600)), [2], 'the last record, judged by the ones before');
});

test('a record stamped ahead of the next one, which continues from the one before, is suspect', () => {
  assert.deepEqual(suspects(times(0, 1, 86_400, 2, 3)), [2]);
  assert.deepEqual(suspects(times(0, 1, 86_400, 2)), [2], 'the record after it is not');
  assert.deepEqual(suspects(times(0, 1, 86_400, 2, 3), { backward: true }), [2]);
});

test('writers skew, idle gaps and clocks set back are not injections', () => {
  const skew = WRITER_SKEW_MS / S - 1;
  assert.deepEqual(suspects(times(0, 10, 10 - skew, 11)), [], 'within the skew');
  assert.deepEqual(suspects(times(0, 1, 7200, 7201)), [], 'a quiet night');
  assert.deepEqual(suspects(times(3590, 3595, 5, 6, 7)), [], 'the clock set back an hour (DST end)');
  assert.deepEqual(suspects(times(-3600, 0)), [], 'the first record has nothing to break');
});

test('following: judged at once; a clock set back flags its first record only', () => {
  assert.deepEqual(suspects(times(0, 1, -3600, 2), { lookahead: false }), [2]);
  assert.deepEqual(
    suspects(times(0, 1, 86_400, 2, 3), { lookahead: false }),
    [],
    'a jump ahead needs the next',
  );
  assert.deepEqual(suspects(times(3590, 3595, 5, 6, 7), { lookahead: false }), [2]);
});

test('sms.log: the record after one whose JSON never closed is suspect', () => {
  const open = record(0, '{"level": "INFO", "message": "hi', 1);
  const forged = record(0, '{"level": "ERROR", "message": "forged"}', 2);
  const closed = record(1, '{"level": "INFO", "message": "a\nb"}\nTraceback (most recent call last):', 3);
  const after = record(2, '{"level": "INFO", "message": "ok"}', 6);
  const feed = () => [record(0, '{"message": "ok"}'), open, forged, closed, after].map((r) => ({ ...r }));
  assert.deepEqual(suspects(feed(), { suffix: '"}' }), [2]);
  assert.deepEqual(suspects(feed(), { suffix: '"}', backward: true }), [2]);
  assert.deepEqual(suspects(feed(), { suffix: '"}', consecutive: false }), [], 'neighbours unknown');
  const crlf = [record(0, '{"message": "a"}\r'), record(0, '{"message": "b"}\r')];
  assert.deepEqual(suspects(crlf, { suffix: '"}' }), []);
});

test('sms.log: a record cut to the caps may have lost its "}; the next one is not judged by it', () => {
  const cut = {
    ...record(0, '{"level": "INFO", "message": "' + 'x'.repeat(64), 1),
    truncatedBytes: 5_000_000,
  };
  const next = record(1, '{"level": "INFO", "message": "ok"}', 2);
  assert.deepEqual(suspects([cut, next], { suffix: '"}' }), []);
  assert.deepEqual(suspects([{ ...cut, truncatedBytes: 0 }, next], { suffix: '"}' }), [1]);
});
