import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import type { AlertMessage, Notifier } from './alert.js';
import { deliverAll } from './delivery.js';

const MESSAGE: AlertMessage = { kind: 'test', host: 'web-1', time: 0, alerts: [] };

function notifier(name: string, send: () => Promise<void>): Notifier {
  return { name, send };
}

test('every channel is tried at once; a failure is one line and does not stop the others', async () => {
  const started = performance.now();
  const deliveries = await deliverAll(
    [
      notifier('slow', () => sleep(200)),
      notifier('broken', () => Promise.reject(new Error('refused\n  at line two'))),
      notifier('also-slow', () => sleep(200)),
    ],
    MESSAGE,
  );
  assert.ok(performance.now() - started < 380, 'sent in parallel');
  assert.deepEqual(deliveries, [
    { channel: 'slow', status: 'sent' },
    { channel: 'broken', status: 'failed', reason: 'refused at line two' },
    { channel: 'also-slow', status: 'sent' },
  ]);
});
