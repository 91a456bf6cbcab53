import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import type { AlertMessage, Notifier } from '../../../alerts/alert.js';
import type { HealthCheckResult } from '../../../core/health.js';
import { scratchRedis, type ScratchRedis } from '../../../../test/kit/redisScratch.js';
import type { AlertsCheckOptions } from './options.js';
import { runAlertsCheck } from './run.js';

/**
 * The seams the lead wires: a health probe and the notifiers, given to runAlertsCheck directly;
 * the real Redis for the state, the sample logs for the metrics, the clock pinned by SMSMON_NOW.
 */
const REPO = fileURLToPath(new URL('../../../../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'smsmon-alerts-run-'));
let scratch: ScratchRedis;
const saved = { SMSMON_CONFIG: process.env.SMSMON_CONFIG, SMSMON_NOW: process.env.SMSMON_NOW };

before(async () => {
  scratch = await scratchRedis();
  const config = join(dir, 'smsmon.config.json');
  writeFileSync(
    config,
    JSON.stringify({
      logDir: join(REPO, 'fixtures/logs'),
      redis: { url: 'redis://127.0.0.1:6379', prefix: scratch.prefix },
      alerts: {
        thresholds: {
          cpu_percent: {},
          memory_percent: {},
          avg_processing_time: {},
          failed_tasks_last_hour: {},
        },
      },
    }),
  );
  process.env.SMSMON_CONFIG = config;
});
after(async () => {
  Object.assign(process.env, saved);
  for (const [name, value] of Object.entries(saved)) if (value === undefined) delete process.env[name];
  await scratch.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

const options = (extra: Partial<AlertsCheckOptions> = {}): AlertsCheckOptions => ({
  system: false,
  database: false,
  logs: true,
  sample: '100ms',
  host: 'web-1',
  maxAge: '15m',
  health: true,
  quiet: true,
  ...extra,
});

const healthResult = (state: HealthCheckResult['state']): HealthCheckResult => ({
  url: 'http://localhost:5001/health',
  state,
  reason: state === 'ok' ? 'healthy' : 'HTTP 503',
  checkedAt: 0,
  elapsedMs: 3,
  httpStatus: state === 'ok' ? 200 : 503,
  status: null,
  version: null,
  uptimeSeconds: null,
  services: [],
});

function recorder(): Notifier & { sent: string[] } {
  const sent: string[] = [];
  return {
    name: 'recorder',
    sent,
    async send(message: AlertMessage) {
      sent.push(`${message.kind} ${message.alerts.map((a) => `${a.key}:${a.severity}`).join(',')}`);
    },
  };
}

const at = (time: string) => (process.env.SMSMON_NOW = `2024-01-20T${time}:00Z`);

test('a probed critical health fires with the metrics, and is notified and resolved like them', async () => {
  const channel = recorder();
  let state: HealthCheckResult['state'] = 'critical';
  const deps = { probeHealth: async () => healthResult(state), notifiers: [channel] };
  const run = () => runAlertsCheck(options({ notify: true }), new Command(), deps);
  at('00:30');
  assert.equal(await run(), 1);
  at('00:31');
  state = 'ok';
  assert.equal(await run(), 1, 'error_rate still fires');
  at('00:32');
  assert.equal(await run(), 1);
  assert.deepEqual(channel.sent, ['firing health:critical,error_rate:warning', 'resolved health:critical']);
});

test('--no-health, or no probe: health keys are carried, not resolved', async () => {
  const channel = recorder();
  const host = 'web-2';
  at('00:30');
  const probe = { probeHealth: async () => healthResult('critical'), notifiers: [channel] };
  assert.equal(await runAlertsCheck(options({ notify: true, host }), new Command(), probe), 1);
  at('00:31');
  const unprobed = {
    probeHealth: async () => assert.fail('--no-health must not probe'),
    notifiers: [channel],
  };
  assert.equal(
    await runAlertsCheck(options({ notify: true, host, health: false }), new Command(), unprobed),
    1,
  );
  assert.equal(
    await runAlertsCheck(options({ notify: true, host }), new Command(), { notifiers: [channel] }),
    1,
  );
  assert.deepEqual(channel.sent, ['firing health:critical,error_rate:warning']);
  const stored = await scratch.redis.hkeys(`${scratch.prefix}:{${host}}:alerts`);
  assert.deepEqual(stored.sort(), ['error_rate', 'health']);
});

test('a probe that throws makes the check incomplete (3), the metrics are still judged', async () => {
  at('00:30');
  const deps = { probeHealth: () => Promise.reject(new Error('socket hang up')) };
  assert.equal(await runAlertsCheck(options(), new Command(), deps), 3);
});

test('a channel that fails: exit 3, nothing stored, the next run sends again', async () => {
  const host = 'web-3';
  const failing: Notifier = { name: 'down', send: () => Promise.reject(new Error('HTTP 500')) };
  at('00:30');
  assert.equal(
    await runAlertsCheck(options({ notify: true, host }), new Command(), { notifiers: [failing] }),
    3,
  );
  assert.equal(await scratch.redis.exists(`${scratch.prefix}:{${host}}:alerts`), 0);
  const channel = recorder();
  at('00:31');
  assert.equal(
    await runAlertsCheck(options({ notify: true, host }), new Command(), { notifiers: [channel] }),
    1,
  );
  assert.deepEqual(channel.sent, ['firing error_rate:warning']);
});
