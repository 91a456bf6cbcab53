import { test } from 'node:test';
import assert from 'node:assert/strict';
import { configJsonSchema } from './config.js';
import { durationMs } from './duration.js';
import { configSchema, defaultSpoolPath, spoolPath } from './configSchema.js';

test('spool path: spool.path, else an absolute $XDG_STATE_HOME, else ~/.local/state', () => {
  const config = configSchema.parse({});
  assert.equal(spoolPath(config, { XDG_STATE_HOME: '/state' }, '/home/ops'), '/state/smsmon/spool.ndjson');
  assert.equal(
    defaultSpoolPath({ XDG_STATE_HOME: 'relative' }, '/home/ops'),
    '/home/ops/.local/state/smsmon/spool.ndjson',
  );
  assert.equal(defaultSpoolPath({}, '/home/ops'), '/home/ops/.local/state/smsmon/spool.ndjson');
  const custom = configSchema.parse({ spool: { path: '/var/spool/smsmon.ndjson' } });
  assert.equal(spoolPath(custom, { XDG_STATE_HOME: '/state' }), '/var/spool/smsmon.ndjson');
});

test('durations keep their text; durationMs converts it', () => {
  const config = configSchema.parse({ alerts: { repeat: '1.5h' }, health: { timeout: '500s' } });
  assert.equal(config.alerts.repeat, '1.5h');
  assert.equal(durationMs(config.alerts.repeat), 5_400_000);
  assert.equal(durationMs(config.health.timeout), 500_000);
});

test('thresholds: critical below warning is rejected; metric names are snake_case', () => {
  assert.equal(
    configSchema.safeParse({ alerts: { thresholds: { x: { warning: 9, critical: 2 } } } }).success,
    false,
  );
  assert.equal(configSchema.safeParse({ alerts: { thresholds: { CPU: { warning: 1 } } } }).success, false);
  assert.equal(
    configSchema.safeParse({ alerts: { thresholds: { cpu_percent: { warning: 70, critical: 90 } } } })
      .success,
    true,
  );
});

test('an email section needs host, from and to; port and secure default', () => {
  assert.equal(configSchema.safeParse({ alerts: { email: { host: 'smtp' } } }).success, false);
  const config = configSchema.parse({ alerts: { email: { host: 'smtp', from: 'a@x', to: ['b@x'] } } });
  assert.deepEqual(config.alerts.email, { host: 'smtp', port: 587, secure: false, from: 'a@x', to: ['b@x'] });
});

test('the JSON Schema describes the file as written: nothing required at the top, defaults given', () => {
  const schema = configJsonSchema() as {
    required?: string[];
    additionalProperties?: boolean;
    properties: Record<string, { properties?: Record<string, { default?: unknown }> }>;
  };
  assert.equal(schema.required, undefined);
  assert.equal(schema.additionalProperties, false);
  assert.equal(schema.properties.redis?.properties?.retention?.default, '24h');
  assert.deepEqual(Object.keys(schema.properties), [
    '$schema',
    'logDir',
    'tz',
    'database',
    'redis',
    'system',
    'spool',
    'health',
    'alerts',
    'sms',
  ]);
});
