import type { Alert, AlertMessage, Notifier } from './alert.js';
import type { RedisClient } from '../redis/redisClient.js';
import type { RedisLayout } from '../redis/redisLayout.js';
import { planNotifications } from './alertCooldown.js';
import { readAlertState, writeAlertState } from './alertState.js';
import { errorLine } from '../core/errors.js';
import { acquireRedisLock } from '../redis/redisLock.js';

export interface DeliveryOptions {
  readonly host: string;
  readonly layout: RedisLayout;
  readonly now: number;
  readonly repeatMs: number;
  /** Expiry of the state hash, renewed by every run. */
  readonly keyExpiryMs: number;
  /** Frees the lock if this run dies; longer than the channels' timeouts together. */
  readonly lockTtlMs: number;
  /** How long an overlapping run waits before leaving the notifying to the other. */
  readonly lockWaitMs: number;
  /** Keys this run could not judge (thresholdCheck.isUnknownKey). */
  readonly isUnknown: (key: string) => boolean;
}

export interface ChannelResult {
  readonly channel: string;
  readonly ok: boolean;
  /** One line, from the notifier (no secrets). */
  readonly error?: string;
}

export interface DeliveryOutcome {
  readonly fired: Alert[];
  readonly resolved: Alert[];
  readonly channels: ChannelResult[];
  /** False when a channel failed: nothing is recorded, so the next run sends it all again. */
  readonly stateWritten: boolean;
  /** 'locked': another run of this host held the lock for lockWaitMs; it does the notifying. */
  readonly skipped: 'locked' | null;
  /** State entries that could not be read (forgotten: such an alert is sent again as new). */
  readonly unreadable: number;
}

/**
 * One `alerts check --notify`: take the host's alerts lock (two overlapping cron runs must not
 * both send), read the state, plan, send the firing and the resolved message to every channel,
 * and only when every channel accepted them store the new state. So a failed send is retried
 * by the next run (at least once: a channel that did accept gets it again then).
 * Redis errors are thrown.
 */
export async function deliverAlerts(
  redis: RedisClient,
  alerts: readonly Alert[],
  notifiers: readonly Notifier[],
  options: DeliveryOptions,
): Promise<DeliveryOutcome> {
  const { layout, host, now } = options;
  const lock = await acquireRedisLock(redis, layout.alertsLockKey(host), {
    ttlMs: options.lockTtlMs,
    waitMs: options.lockWaitMs,
  });
  if (!lock) {
    return { fired: [], resolved: [], channels: [], stateWritten: false, skipped: 'locked', unreadable: 0 };
  }
  try {
    const key = layout.alertsKey(host);
    const { state, unreadable } = await readAlertState(redis, key);
    const plan = planNotifications({
      state,
      alerts,
      now,
      repeatMs: options.repeatMs,
      isUnknown: options.isUnknown,
    });
    const messages: AlertMessage[] = [];
    if (plan.fire.length > 0) messages.push({ kind: 'firing', host, time: now, alerts: plan.fire });
    if (plan.resolved.length > 0) messages.push({ kind: 'resolved', host, time: now, alerts: plan.resolved });
    const channels =
      messages.length === 0 ? [] : await Promise.all(notifiers.map((n) => sendAll(n, messages)));
    const stateWritten = channels.every((c) => c.ok);
    if (stateWritten) await writeAlertState(redis, key, plan.nextState, options.keyExpiryMs);
    return { fired: plan.fire, resolved: plan.resolved, channels, stateWritten, skipped: null, unreadable };
  } finally {
    await lock.release().catch(() => false);
  }
}

/** The firing message, then the resolved one; the first failure ends this channel's turn. */
async function sendAll(notifier: Notifier, messages: readonly AlertMessage[]): Promise<ChannelResult> {
  try {
    for (const message of messages) await notifier.send(message);
    return { channel: notifier.name, ok: true };
  } catch (error) {
    return { channel: notifier.name, ok: false, error: errorLine(error) };
  }
}
