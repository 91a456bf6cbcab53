import { test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import {
  connectFailure,
  DatabaseMetricsError,
  queryFailure,
  redactUrlSecrets,
} from './databaseMetricsError.js';

const context = { server: 'db:5432', timeoutMs: 5000, password: 'sw0rdfish' };

test('URL passwords and password= settings are masked', () => {
  assert.equal(
    redactUrlSecrets('bad postgres://app:sw0rd@db:5432/x and postgresql://u:p%40ss@h/y'),
    'bad postgres://app:***@db:5432/x and postgresql://u:***@h/y',
  );
  assert.equal(redactUrlSecrets("host=db password='a b' user=x"), 'host=db password=*** user=x');
  assert.equal(redactUrlSecrets('postgres://app@db/x'), 'postgres://app@db/x');
  // an unencoded @ in the password: everything up to the host's @ goes
  assert.equal(redactUrlSecrets('postgres://u:p@ss@db:5432/x'), 'postgres://u:***@db:5432/x');
});

test('every message is one line and redacted, whatever the driver said', () => {
  const error = new DatabaseMetricsError('first\n  postgres://a:secret@h/db\r\nlast', 'query');
  assert.equal(error.message, 'first postgres://a:***@h/db last');
  const leaked = connectFailure(new Error('auth for sw0rdfish failed'), context);
  assert.equal(leaked.message, 'cannot connect to PostgreSQL at db:5432: auth for *** failed');
});

test('socket errors without a message (AggregateError from localhost) still say why', () => {
  const refused = Object.assign(new AggregateError([], ''), { code: 'ECONNREFUSED' });
  assert.equal(
    connectFailure(refused, context).message,
    'cannot connect to PostgreSQL at db:5432: connection refused',
  );
  const timedOut = connectFailure(new Error('timeout expired'), context);
  assert.equal(timedOut.message, 'cannot connect to PostgreSQL at db:5432: no answer within 5000 ms');
});

test('server errors map by SQLSTATE; bad options exit 2, the rest 3', () => {
  const serverError = (code: string, message: string) =>
    Object.assign(new pg.DatabaseError(message, message.length, 'error'), { code });
  const cancelled = queryFailure(
    serverError('57014', 'canceling statement due to statement timeout'),
    't',
    context,
  );
  assert.equal(cancelled.message, 'statement timeout after 5000 ms while querying t');
  assert.equal(cancelled.exitCode, 3);
  const denied = queryFailure(serverError('42501', 'permission denied for table t'), 't', context);
  assert.equal(denied.message, 'query on table t failed: permission denied for table t');
  const lost = queryFailure(new Error('Connection terminated unexpectedly'), 't', context);
  assert.equal(lost.message, 'connection to PostgreSQL at db:5432 lost: Connection terminated unexpectedly');
  assert.equal(new DatabaseMetricsError('x', 'options').exitCode, 2);
});
