import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildRecordFilter, compileGrep, parseLevelOption } from './recordFilter.js';
import { unparsedRecord } from '../parsers/recordAssembler.js';
import type { LogRecord } from '../core/record.js';

const record = (over: Partial<LogRecord>): LogRecord => ({
  ...unparsedRecord('', 'f', 1),
  unparsed: false,
  ...over,
});

test('--level exact, list and threshold', () => {
  const error = record({ level: 'ERROR' });
  const warning = record({ level: 'WARNING' });
  const info = record({ level: 'INFO' });
  const exact = buildRecordFilter({ levels: parseLevelOption('error') });
  assert.deepEqual([error, warning, info].map(exact), [true, false, false]);
  const atLeast = buildRecordFilter({ levels: parseLevelOption('WARNING+') });
  assert.deepEqual([error, warning, info].map(atLeast), [true, true, false]);
  assert.throws(() => parseLevelOption('EROR'), /unknown level "EROR".*did you mean ERROR/);
});

test('--grep looks at message and traceback; time bounds are [since, until)', () => {
  const r = record({ message: 'Task failed', excText: 'openai.RateLimitError: 429', time: 1000 });
  assert.equal(buildRecordFilter({ grep: compileGrep('ratelimit', true) })(r), true);
  assert.equal(buildRecordFilter({ grep: compileGrep('ratelimit', false) })(r), false);
  assert.equal(buildRecordFilter({ since: 1000, until: 1001 })(r), true);
  assert.equal(buildRecordFilter({ until: 1000 })(r), false);
  assert.equal(buildRecordFilter({ since: 0 })(record({ time: null })), false);
  assert.throws(() => compileGrep('(', false), /bad --grep regex "\("/);
});

test('--module and --pid', () => {
  const r = record({ module: 'views', pid: 42 });
  assert.equal(buildRecordFilter({ modules: new Set(['views']), pids: new Set([42]) })(r), true);
  assert.equal(buildRecordFilter({ pids: new Set([7]) })(r), false);
});
