import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pgConnectionString } from './pgSslMode.js';

test('an sslmode alias becomes verify-full (what pg 8 does anyway) with one line saying so', () => {
  const { url, note } = pgConnectionString('postgres://u:pw@db/sms?sslmode=verify-ca&application_name=x');
  assert.equal(url, 'postgres://u:pw@db/sms?sslmode=verify-full&application_name=x');
  assert.match(
    note!,
    /^sslmode=verify-ca is verify-full in node-postgres 8 .*uselibpqcompat=true&sslmode=verify-ca/,
  );
  assert.doesNotMatch(note!, /\n/);
});

test('left alone: verify-full, disable, no-verify, libpq compatibility asked for, no sslmode', () => {
  for (const url of [
    'postgres://db/sms?sslmode=verify-full',
    'postgres://db/sms?sslmode=disable',
    'postgres://db/sms?sslmode=no-verify',
    'postgres://db/sms?uselibpqcompat=true&sslmode=require',
    'postgres://db/sms?sslmode=required',
    'postgres://db/sms',
  ])
    assert.deepEqual(pgConnectionString(url), { url, note: undefined });
});
