import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, test } from 'node:test';
import type { Alert, AlertMessage, Notifier } from './alert.js';
import type { RedisLayout } from '../redis/redisLayout.js';
import { HOUR_MS, scratchRedis, type ScratchRedis } from '../../test/kit/redisScratch.js';
import { planNotifications } from './alertCooldown.js';
import { deliverAlerts, type DeliveryOptions } from './alertDelivery.js';
import { entryFromJson, readAlertState, writeAlertState } from './alertState.js';
import { acquireRedisLock } from '../redis/redisLock.js';

/** The state sink and the delivery around it, on the real Redis, with injected times. */
let scratch: ScratchRedis;
before(async () => {
  scratch = await scratchRedis();
});
after(() => scratch?.cleanup());

const T0 = Date.UTC(2024, 0, 20, 0, 30);
const MIN = 60_000;

const cpu = (value = 93.1): Alert => ({
  key: 'cpu_percent',
  metric: 'cpu_percent',
  value,
  threshold: 90,
  severity: 'critical',
  message: `cpu_percent ${value} % ≥ critical 90 %`,
});
const health: Alert = {
  key: 'health',
  metric: 'health',
  value: NaN,
  threshold: NaN,
  severity: 'warning',
  message: 'health unknown: timeout after 5 s',
};

/** A channel that records what it was given and fails while `failing` is set. */
function recorder(name: string): Notifier & { sent: string[]; failing: string | null; delayMs: number } {
  const channel = {
    name,
    sent: [] as string[],
    failing: null as string | null,
    delayMs: 0,
    async send(message: AlertMessage) {
      if (channel.delayMs > 0) await sleep(channel.delayMs);
      if (channel.failing) throw new Error(channel.failing);
      const at = (message.time - T0) / MIN;
      channel.sent.push(
        `${at} ${message.kind} ${message.host} ${message.alerts.map((a) => a.key).join(',')}`,
      );
    },
  };
  return channel;
}

const options = (layout: RedisLayout, minute: number): DeliveryOptions => ({
  host: 'web-1',
  layout,
  now: T0 + minute * MIN,
  repeatMs: HOUR_MS,
  keyExpiryMs: 48 * HOUR_MS,
  lockTtlMs: 10_000,
  lockWaitMs: 0,
  isUnknown: () => false,
});

test('state round-trips through the hash, NaN values included, and expires', async () => {
  const layout = scratch.layout();
  const key = layout.alertsKey('web-1');
  const { nextState } = planNotifications({
    state: {},
    alerts: [cpu(), health],
    now: T0,
    repeatMs: HOUR_MS,
    isUnknown: () => false,
  });
  await writeAlertState(scratch.redis, key, nextState, 48 * HOUR_MS);
  assert.equal(key, `${layout.prefix}:{web-1}:alerts`);
  assert.deepEqual((await scratch.redis.hkeys(key)).sort(), ['cpu_percent', 'health']);
  const ttl = await scratch.redis.pttl(key);
  assert.ok(ttl > 47 * HOUR_MS && ttl <= 48 * HOUR_MS, String(ttl));
  const { state, unreadable } = await readAlertState(scratch.redis, key);
  assert.equal(unreadable, 0);
  assert.deepEqual(state, nextState);
  assert.ok(Number.isNaN(state.health!.alert.value));
  // An empty state leaves no key behind.
  await writeAlertState(scratch.redis, key, {}, HOUR_MS);
  assert.equal(await scratch.redis.exists(key), 0);
});

test('an unreadable entry is counted and forgotten, the others are kept', async () => {
  const layout = scratch.layout();
  const key = layout.alertsKey('web-1');
  const good = planNotifications({
    state: {},
    alerts: [cpu()],
    now: T0,
    repeatMs: 1,
    isUnknown: () => false,
  });
  await scratch.redis.hset(
    key,
    'cpu_percent',
    JSON.stringify(good.nextState.cpu_percent),
    'x',
    '{"severity":"loud"}',
  );
  const { state, unreadable } = await readAlertState(scratch.redis, key);
  assert.deepEqual(Object.keys(state), ['cpu_percent']);
  assert.equal(unreadable, 1);
  for (const bad of ['nope', '[]', '{}', JSON.stringify({ ...good.nextState.cpu_percent, firstSeen: 'x' })])
    assert.equal(entryFromJson(bad), null, bad);
});

test('cooldown across runs: once per repeat, a resolve when it clears, nothing stored on a failed send', async () => {
  const layout = scratch.layout();
  const slack = recorder('slack');
  const email = recorder('email');
  const run = (minute: number, alerts: Alert[]) =>
    deliverAlerts(scratch.redis, alerts, [slack, email], options(layout, minute));

  const first = await run(0, [cpu()]);
  assert.deepEqual(
    [first.fired.map((a) => a.key), first.stateWritten, first.channels],
    [
      ['cpu_percent'],
      true,
      [
        { channel: 'slack', ok: true },
        { channel: 'email', ok: true },
      ],
    ],
  );
  for (const minute of [1, 30, 59]) assert.deepEqual((await run(minute, [cpu()])).fired, []);
  assert.equal((await run(60, [cpu()])).fired.length, 1);

  // The email channel fails: the run reports it and stores nothing, so the next run retries.
  email.failing = 'SMTP 535 authentication failed';
  const failed = await run(61, [cpu(), health]);
  assert.equal(failed.stateWritten, false);
  assert.deepEqual(failed.channels[1], {
    channel: 'email',
    ok: false,
    error: 'SMTP 535 authentication failed',
  });
  email.failing = null;
  const retried = await run(62, [cpu(), health]);
  assert.deepEqual(
    retried.fired.map((a) => a.key),
    ['health'],
  );
  assert.equal(retried.stateWritten, true);

  const cleared = await run(70, []);
  assert.deepEqual(cleared.resolved.map((a) => a.key).sort(), ['cpu_percent', 'health']);
  assert.deepEqual((await run(71, [])).resolved, []);

  assert.deepEqual(slack.sent, [
    '0 firing web-1 cpu_percent',
    '60 firing web-1 cpu_percent',
    '61 firing web-1 health',
    '62 firing web-1 health', // at least once: slack had it, email did not
    '70 resolved web-1 cpu_percent,health', // critical first
  ]);
  assert.deepEqual(email.sent, [
    '0 firing web-1 cpu_percent',
    '60 firing web-1 cpu_percent',
    '62 firing web-1 health',
    '70 resolved web-1 cpu_percent,health', // critical first
  ]);
});

test('another run holding the lock: this one sends nothing and stores nothing', async () => {
  const layout = scratch.layout();
  const slack = recorder('slack');
  const held = await acquireRedisLock(scratch.redis, layout.alertsLockKey('web-1'), {
    ttlMs: 10_000,
    waitMs: 0,
  });
  assert.ok(held);
  const outcome = await deliverAlerts(scratch.redis, [cpu()], [slack], options(layout, 0));
  assert.equal(outcome.skipped, 'locked');
  assert.deepEqual(slack.sent, []);
  assert.equal(await scratch.redis.exists(layout.alertsKey('web-1')), 0);
  await held.release();
  assert.equal((await deliverAlerts(scratch.redis, [cpu()], [slack], options(layout, 0))).fired.length, 1);
});

test('two overlapping runs: exactly one notifies, the other waits for the lock and finds it sent', async () => {
  const layout = scratch.layout();
  const slack = recorder('slack');
  slack.delayMs = 150;
  const overlapping = { ...options(layout, 0), lockWaitMs: 2_000 };
  const [a, b] = await Promise.all([
    deliverAlerts(scratch.redis, [cpu()], [slack], overlapping),
    deliverAlerts(scratch.redis, [cpu()], [slack], { ...overlapping, now: T0 + 1 }),
  ]);
  assert.deepEqual(slack.sent.length, 1, slack.sent.join('\n'));
  assert.deepEqual([a.fired.length + b.fired.length, a.skipped, b.skipped], [1, null, null]);
  assert.equal(await scratch.redis.exists(layout.alertsLockKey('web-1')), 0, 'the lock is released');
});
