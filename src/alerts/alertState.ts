import type { Alert, AlertSeverity } from './alert.js';
import type { RedisClient } from '../redis/redisClient.js';
import type { AlertState, AlertStateEntry } from './alertCooldown.js';
import { jsonObjectOf } from '../core/jsonObject.js';

/**
 * The dedup and cooldown state of one host in Redis: a hash (RedisLayout.alertsKey) whose fields
 * are alert keys and whose values are the JSON of an AlertStateEntry. It is replaced as a whole
 * in one MULTI, so a reader never sees half of a run's decisions.
 */
export async function readAlertState(
  redis: RedisClient,
  key: string,
): Promise<{ state: AlertState; unreadable: number }> {
  const hash = await redis.hgetall(key);
  const state: Record<string, AlertStateEntry> = {};
  let unreadable = 0;
  for (const [field, text] of Object.entries(hash)) {
    const entry = entryFromJson(text);
    // An unreadable entry is forgotten: the alert, if still firing, is sent again as new.
    if (entry) state[field] = entry;
    else unreadable++;
  }
  return { state, unreadable };
}

/** Replaces the hash with `state`; it expires after expiryMs unless a later run writes it again. */
export async function writeAlertState(
  redis: RedisClient,
  key: string,
  state: AlertState,
  expiryMs: number,
): Promise<void> {
  const fields = Object.entries(state).flatMap(([field, entry]) => [field, JSON.stringify(entry)]);
  const multi = redis.multi().del(key);
  if (fields.length > 0) multi.hset(key, ...fields).pexpire(key, Math.round(expiryMs));
  const replies = await multi.exec();
  const failed = replies?.find(([error]) => error);
  if (!replies || failed) throw failed?.[0] ?? new Error(`writing ${key} was aborted`);
}

const SEVERITIES: readonly string[] = ['warning', 'critical'] satisfies AlertSeverity[];

/** An entry as stored, or null when it is not one (NaN values are stored as null by JSON). */
export function entryFromJson(text: string): AlertStateEntry | null {
  const value = jsonObjectOf(text);
  if (!value) return null;
  const { severity, notified, firstSeen, lastNotified, alert, flapping, clearSince, resolvedAt } = value;
  const parsedAlert = alertFromJson(alert);
  if (
    !isSeverity(severity) ||
    !isSeverity(notified) ||
    !isTime(firstSeen) ||
    !isTime(lastNotified) ||
    !parsedAlert ||
    !(flapping === undefined || typeof flapping === 'boolean') ||
    !(clearSince === undefined || isTime(clearSince)) ||
    !(resolvedAt === undefined || isTime(resolvedAt))
  ) {
    return null;
  }
  return {
    severity,
    notified,
    firstSeen,
    lastNotified,
    alert: parsedAlert,
    ...(flapping ? { flapping } : {}),
    ...(clearSince !== undefined ? { clearSince } : {}),
    ...(resolvedAt !== undefined ? { resolvedAt } : {}),
  };
}

function alertFromJson(value: unknown): Alert | null {
  if (!isObject(value)) return null;
  const { key, metric, value: seen, threshold, severity, message } = value;
  if (typeof key !== 'string' || typeof metric !== 'string' || typeof message !== 'string') return null;
  if (!isSeverity(severity) || !isNumberOrNull(seen) || !isNumberOrNull(threshold)) return null;
  return { key, metric, value: seen ?? NaN, threshold: threshold ?? NaN, severity, message };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isSeverity(value: unknown): value is AlertSeverity {
  return typeof value === 'string' && SEVERITIES.includes(value);
}

function isTime(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function isNumberOrNull(value: unknown): value is number | null {
  return value === null || (typeof value === 'number' && Number.isFinite(value));
}
