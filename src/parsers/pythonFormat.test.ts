import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compilePythonFormat } from './pythonFormat.js';
import { JSON_FORMAT, VERBOSE_FORMAT } from '../core/families.js';

test('verbose {-style format: header needs every field and the space after the thread id', () => {
  const format = compilePythonFormat(VERBOSE_FORMAT);
  assert.deepEqual(format.groups, ['levelname', 'asctime', 'module', 'process', 'thread']);
  assert.equal(format.suffix, '');
  const m = format.header.exec('ERROR 2024-01-20 16:30:00,123 views 4242 139872 Task failed');
  assert.ok(m);
  assert.deepEqual(m.slice(1), ['ERROR', '2024-01-20 16:30:00,123', 'views', '4242', '139872']);
  assert.equal(
    'ERROR 2024-01-20 16:30:00,123 views 4242 139872 Task failed'.slice(m[0].length),
    'Task failed',
  );
  for (const continuation of [
    'ERROR in step 2',
    'Traceback (most recent call last):',
    'ERROR 2024-01-20 16:30:00,123 views 4242',
    'ERROR 2024-01-20 16:30:00,123 views pid 139872 x',
    'ERROR 2024-01-20 16:30:00 views 4242 139872 x',
    'NOTICE 2024-01-20 16:30:00,123 views 4242 139872 x',
  ]) {
    assert.equal(format.header.test(continuation), false, continuation);
  }
});

test('json %-style format: message sits between the prefix and the "} suffix', () => {
  const format = compilePythonFormat(JSON_FORMAT);
  assert.deepEqual(format.groups, ['levelname', 'asctime', 'module']);
  assert.equal(format.suffix, '"}');
  assert.equal(format.jsonQuotedMessage, true);
  assert.ok(
    format.header.test(
      '{"level": "INFO", "time": "2024-01-20 16:30:00,123", "module": "sms", "message": "hi"}',
    ),
  );
  assert.equal(format.header.test('{"level": "INFO", "message": "hi"}'), false);
});

test('padded and custom %-style formats', () => {
  const format = compilePythonFormat('%(asctime)s %(levelname)-8s %(name)s: %(message)s');
  assert.deepEqual(format.groups, ['asctime', 'levelname', 'name']);
  const m = format.header.exec('2024-01-20 16:30:00,123 INFO     sms_agent.views: hello: world');
  assert.ok(m);
  assert.equal(m[3], 'sms_agent.views');
  assert.equal(
    '2024-01-20 16:30:00,123 INFO     sms_agent.views: hello: world'.slice(m[0].length),
    'hello: world',
  );
});

test('$-style and literal escapes', () => {
  const dollar = compilePythonFormat('${levelname} [${name}] $message');
  assert.ok(dollar.header.test('INFO [django] started'));
  const percent = compilePythonFormat('100%% %(levelname)s (%(process)d) %(message)s');
  assert.ok(percent.header.test('100% INFO (12) x'));
});

test('bad formats are usage errors with a readable message', () => {
  assert.throws(() => compilePythonFormat('no placeholders'), /no placeholders found/);
  assert.throws(() => compilePythonFormat('%(message)s %(levelname)s'), /only literal text may follow/);
  assert.throws(() => compilePythonFormat('%(message)s'), /nothing marks a new record/);
});
