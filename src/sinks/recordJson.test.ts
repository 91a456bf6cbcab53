import { test } from 'node:test';
import assert from 'node:assert/strict';
import { unparsedRecord } from '../parsers/recordAssembler.js';
import type { LogRecord } from '../core/record.js';
import { recordJsonLine } from '../../test/kit/recordJsonLine.js';
import { RECORD_FIELDS, recordField } from './recordJson.js';

test('the hand-written JSON line is valid JSON equal to the record field by field', () => {
  const record: LogRecord = {
    ...unparsedRecord('', 'logs/app.log', 7),
    time: Date.UTC(2024, 0, 20, 16, 30, 0, 123),
    timeText: '2024-01-20 16:30:00,123',
    level: 'ERROR',
    module: 'views',
    pid: 4242,
    thread: 139872,
    message: 'she said "hi" \\ \t \x1b[31m ✅',
    excText: 'Traceback (most recent call last):\nValueError: x',
    extra: { name: 'sms_agent.views', level: 'shadowed' },
    unparsed: false,
    recovered: true,
  };
  const parsed = JSON.parse(recordJsonLine(record)) as Record<string, unknown>;
  const expected = Object.fromEntries(
    RECORD_FIELDS.filter((f) => f !== 'raw').map((f) => [f, recordField(record, f)]),
  );
  assert.equal(parsed.time, '2024-01-20T16:30:00.123Z');
  assert.deepEqual(parsed, { ...expected, name: 'sms_agent.views' });
  assert.equal(JSON.parse(recordJsonLine({ ...record, time: null, pid: null })).time, null);
});
