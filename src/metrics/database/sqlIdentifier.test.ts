import { test } from 'node:test';
import assert from 'node:assert/strict';
import { identifierProblem, quoteIdentifier } from './sqlIdentifier.js';

test('plain and schema-qualified Django names pass and are quoted part by part', () => {
  for (const name of ['core_task', '_t', 'T$1', 'analytics.core_task']) {
    assert.equal(identifierProblem(name, true), undefined, name);
  }
  assert.equal(quoteIdentifier('analytics.core_task'), '"analytics"."core_task"');
  assert.equal(quoteIdentifier('Core_User'), '"Core_User"');
});

test('anything that could change a statement is refused', () => {
  for (const name of [
    '',
    'core task',
    '1st',
    'a.b.c',
    '.t',
    't.',
    'x"y',
    'a;b',
    'é',
    'a-b',
    `a${'b'.repeat(63)}`,
  ]) {
    assert.ok(identifierProblem(name, true), JSON.stringify(name));
  }
  assert.equal(identifierProblem('core_task.success', false), 'a column name cannot contain a dot');
});

test('embedded double quotes are doubled even though validation never lets them through', () => {
  assert.equal(quoteIdentifier('we"ird'), '"we""ird"');
});
