import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Delivery } from './delivery.js';
import { deliveriesJson, deliveriesText } from './deliveryReport.js';

const DELIVERIES: Delivery[] = [
  { channel: 'slack', status: 'sent' },
  { channel: 'email', status: 'failed', reason: 'SMTP smtp:587: Invalid login: 535 no' },
  { channel: 'pager', status: 'not configured', reason: 'set alerts.pager' },
];

test('text: one line per channel with its status and reason', () => {
  assert.equal(
    deliveriesText(DELIVERIES),
    'slack: sent\nemail: failed: SMTP smtp:587: Invalid login: 535 no\npager: not configured: set alerts.pager\n',
  );
});

test('JSON: channel and ok, and an error unless sent', () => {
  assert.deepEqual(JSON.parse(deliveriesJson(DELIVERIES)), [
    { channel: 'slack', ok: true },
    { channel: 'email', ok: false, error: 'SMTP smtp:587: Invalid login: 535 no' },
    { channel: 'pager', ok: false, error: 'not configured: set alerts.pager' },
  ]);
});
