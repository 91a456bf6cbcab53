import type { Alert, AlertSeverity } from './alert.js';
import { compareAlerts, rank } from './thresholdCheck.js';

/** What is remembered of one alert key between runs (alertState keeps it in Redis). */
export interface AlertStateEntry {
  /** As of the last run that saw it firing. */
  readonly severity: AlertSeverity;
  /** The severity last sent: a rise above it is sent at once. */
  readonly notified: AlertSeverity;
  /** When it started firing (this episode), ms since the epoch. */
  readonly firstSeen: number;
  /** When it was last sent (firing), ms since the epoch. */
  readonly lastNotified: number;
  /** The alert as last seen, for the resolved message. */
  readonly alert: Alert;
  /** It came back within `repeat` of being resolved: its resolve waits until it stays clear that long. */
  readonly flapping?: boolean;
  /** A flapping alert clear since then, resolve held. */
  readonly clearSince?: number;
  /** Resolved then (and sent); kept for `repeat` so a quick return is recognized as flapping. */
  readonly resolvedAt?: number;
}

export type AlertState = Readonly<Record<string, AlertStateEntry>>;

export interface CooldownInput {
  readonly state: AlertState;
  readonly alerts: readonly Alert[];
  readonly now: number;
  readonly repeatMs: number;
  /** Keys this run could not judge (metric not measured, health not checked): carried as they are. */
  readonly isUnknown: (key: string) => boolean;
}

export interface NotificationPlan {
  /** New, risen above the severity last sent, or due again after `repeat`. */
  readonly fire: Alert[];
  /** Were firing, now clear (as last seen firing). */
  readonly resolved: Alert[];
  /** To be stored once every channel accepted the notifications. */
  readonly nextState: Record<string, AlertStateEntry>;
}

/**
 * Dedup and cooldown, decided from the previous state alone (no clock of its own, so tests pin `now`):
 * - a new alert is sent at once; one that stays bad is sent again once `repeat` has passed since
 *   it was last sent;
 * - a rise above the severity last sent (warning → critical) is sent at once; a fall
 *   (critical → warning) is not: the next repeat carries it, and a return to critical before then
 *   is not news;
 * - an alert that clears is sent once as resolved;
 * - flapping: an alert back within `repeat` of its resolve is sent (people were told it was fine),
 *   but then its resolve is held until it has stayed clear for `repeat`, so a condition hovering at
 *   its threshold costs one firing, one resolved, and the repeats in between — not a pair per run.
 * A key whose metric this run could not measure is carried unchanged: not resolved, not repeated.
 * A threshold taken out of the config counts as cleared.
 */
export function planNotifications(input: CooldownInput): NotificationPlan {
  const { state, alerts, now, repeatMs } = input;
  const fire: Alert[] = [];
  const resolved: Alert[] = [];
  const nextState: Record<string, AlertStateEntry> = {};
  const firing = new Set<string>();
  for (const alert of alerts) {
    firing.add(alert.key);
    const before = state[alert.key];
    if (!before || before.resolvedAt !== undefined) {
      const flapping = before?.resolvedAt !== undefined && now - before.resolvedAt < repeatMs;
      fire.push(alert);
      nextState[alert.key] = {
        severity: alert.severity,
        notified: alert.severity,
        firstSeen: now,
        lastNotified: now,
        alert,
        ...(flapping ? { flapping } : {}),
      };
      continue;
    }
    const send = rank(alert.severity) > rank(before.notified) || now - before.lastNotified >= repeatMs;
    if (send) fire.push(alert);
    const { clearSince: _held, ...still } = before;
    nextState[alert.key] = {
      ...still,
      severity: alert.severity,
      alert,
      ...(send ? { notified: alert.severity, lastNotified: now } : {}),
    };
  }
  for (const [key, before] of Object.entries(state)) {
    if (firing.has(key)) continue;
    if (before.resolvedAt !== undefined) {
      if (now - before.resolvedAt < repeatMs) nextState[key] = before;
      continue;
    }
    if (input.isUnknown(key)) {
      nextState[key] = before;
      continue;
    }
    const clearSince = before.clearSince ?? now;
    if (before.flapping && now - clearSince < repeatMs) {
      nextState[key] = { ...before, clearSince };
      continue;
    }
    resolved.push(before.alert);
    const { clearSince: _held, flapping: _flapping, ...rest } = before;
    nextState[key] = { ...rest, resolvedAt: now };
  }
  return { fire: fire.sort(compareAlerts), resolved: resolved.sort(compareAlerts), nextState };
}
