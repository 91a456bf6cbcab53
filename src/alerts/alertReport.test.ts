import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Alert } from './alert.js';
import { alertReportJson, alertReportText, deliveryLines, type AlertReport } from './alertReport.js';

const cpu: Alert = {
  key: 'cpu_percent',
  metric: 'cpu_percent',
  value: 93.14,
  threshold: 90,
  severity: 'critical',
  message: 'cpu_percent 93.1 % ≥ critical 90 %',
};
const service: Alert = {
  key: 'health:twilio',
  metric: 'health:twilio',
  value: NaN,
  threshold: NaN,
  severity: 'warning',
  message: 'health:twilio degraded\x1b[31m',
};

const report = (alerts: Alert[], notMeasured: string[] = []): AlertReport => ({
  host: 'web-1',
  snapshotTime: Date.UTC(2024, 0, 20, 0, 30),
  from: 'collect',
  check: { alerts, notMeasured, checked: 4, healthChecked: true },
  health: null,
  problems: [],
  notified: null,
});

test('text: headline, one row per alert with units, health rows show their state, escaped', () => {
  const text = alertReportText(report([cpu, service], ['memory_percent']), false);
  assert.equal(
    text,
    [
      'web-1, collected at 2024-01-20T00:30:00Z: 2 alert(s) firing (4 threshold(s) checked)',
      '┌───────────────┬──────────────────┬───────────┬──────────┐',
      '│ metric        │            value │ threshold │ severity │',
      '│ cpu_percent   │           93.1 % │    ≥ 90 % │ critical │',
      '│ health:twilio │ degraded\\x1b[31m │         - │ warning  │',
      '└───────────────┴──────────────────┴───────────┴──────────┘',
      'not measured (a threshold, but no value): memory_percent',
      '',
    ].join('\n'),
  );
  assert.equal(
    alertReportText(report([]), false),
    'web-1, collected at 2024-01-20T00:30:00Z: nothing firing (4 threshold(s) checked)\n',
  );
});

test('json: NaN of health alerts becomes null; notified null without --notify', () => {
  const doc = JSON.parse(alertReportJson(report([service]))) as {
    alerts: Array<{ value: unknown; threshold: unknown }>;
    notified: unknown;
  };
  assert.deepEqual([doc.alerts[0]!.value, doc.alerts[0]!.threshold, doc.notified], [null, null, null]);
});

test('delivery lines: per channel, a failure and the retry note; the lock; nothing due', () => {
  const base = { fired: [cpu], resolved: [], unreadable: 0, skipped: null };
  assert.deepEqual(
    deliveryLines({
      ...base,
      channels: [
        { channel: 'slack', ok: true },
        { channel: 'email', ok: false, error: 'SMTP 535' },
      ],
      stateWritten: false,
    }),
    [
      'notified slack: 1 firing, 0 resolved',
      'email failed: SMTP 535',
      'alert state not stored: the next run sends these notifications again',
    ],
  );
  assert.deepEqual(deliveryLines({ ...base, fired: [], channels: [], stateWritten: true }), [
    'nothing to notify: no alert new, risen, due again or resolved',
  ]);
  assert.deepEqual(deliveryLines({ ...base, channels: [], stateWritten: false, skipped: 'locked' }), [
    'another alerts run of this host holds the lock; it notifies',
  ]);
});
