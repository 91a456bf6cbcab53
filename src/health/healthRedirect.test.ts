import assert from 'node:assert/strict';
import { test } from 'node:test';
import { redirectTarget } from './healthRedirect.js';

const from = new URL('http://app:5001/health');

test('relative and absolute Locations resolve against the current URL', () => {
  assert.equal(String(redirectTarget(from, 301, '/health/')), 'http://app:5001/health/');
  assert.equal(String(redirectTarget(from, 302, 'status')), 'http://app:5001/status');
  assert.equal(String(redirectTarget(from, 308, 'https://app.example.com/h')), 'https://app.example.com/h');
});

test('no Location, or one that cannot be followed, is a one-line problem', () => {
  assert.equal(redirectTarget(from, 302, undefined), 'HTTP 302 without Location');
  assert.equal(redirectTarget(from, 304, '  '), 'HTTP 304 without Location');
  assert.equal(redirectTarget(from, 302, 'http://['), 'HTTP 302 with a Location that is not a URL');
  assert.equal(
    redirectTarget(from, 302, 'ftp://files/health'),
    'HTTP 302 redirect to ftp: (only http: and https: are followed)',
  );
});
