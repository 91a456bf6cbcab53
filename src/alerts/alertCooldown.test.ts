import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Alert, AlertSeverity } from './alert.js';
import { planNotifications, type AlertState } from './alertCooldown.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
const T0 = Date.UTC(2024, 0, 20, 0, 0);

const alert = (key: string, severity: AlertSeverity = 'warning', value = 90): Alert => ({
  key,
  metric: key,
  value,
  threshold: severity === 'critical' ? 90 : 80,
  severity,
  message: `${key} ${value} ≥ ${severity}`,
});

/**
 * Runs the plan once a minute (the injected clock) from `start` for `minutes`, with the alerts
 * `at(minute)` returns, carrying the state as the sink would; returns what was sent, per minute.
 */
function simulate(
  minutes: number,
  at: (minute: number) => Alert[] | 'unknown',
  { repeatMs = HOUR, state: initial = {} as AlertState } = {},
): { sent: string[]; state: AlertState } {
  let state = initial;
  const sent: string[] = [];
  for (let minute = 0; minute < minutes; minute++) {
    const now = T0 + minute * MIN;
    const given = at(minute);
    const unknown = given === 'unknown';
    const alerts = unknown ? [] : given;
    const plan = planNotifications({ state, alerts, now, repeatMs, isUnknown: () => unknown });
    for (const a of plan.fire) sent.push(`${minute} fire ${a.key} ${a.severity}`);
    for (const a of plan.resolved) sent.push(`${minute} resolved ${a.key}`);
    state = plan.nextState;
  }
  return { sent, state };
}

test('a condition that stays bad is sent once per repeat, on the minute it becomes due', () => {
  const { sent, state } = simulate(150, () => [alert('cpu_percent')]);
  assert.deepEqual(sent, [
    '0 fire cpu_percent warning',
    '60 fire cpu_percent warning',
    '120 fire cpu_percent warning',
  ]);
  assert.equal(state.cpu_percent!.firstSeen, T0);
  assert.equal(state.cpu_percent!.lastNotified, T0 + 120 * MIN);
});

test('repeat is measured from the last send, inclusive: due at exactly repeatMs', () => {
  const { sent } = simulate(31, () => [alert('a')], { repeatMs: 15 * MIN });
  assert.deepEqual(sent, ['0 fire a warning', '15 fire a warning', '30 fire a warning']);
});

test('it clears: exactly one resolved message, carrying the alert as last seen firing', () => {
  let last: Alert | undefined;
  const { sent, state } = simulate(10, (m) => (m < 3 ? [(last = alert('a', 'warning', 80 + m))] : []));
  assert.deepEqual(sent, ['0 fire a warning', '3 resolved a']);
  assert.equal(state.a!.resolvedAt, T0 + 3 * MIN);
  const plan = planNotifications({
    state: simulate(3, () => [last!]).state,
    alerts: [],
    now: T0 + 3 * MIN,
    repeatMs: HOUR,
    isUnknown: () => false,
  });
  assert.deepEqual(plan.resolved, [last]);
});

test('escalation warning → critical is sent at once; the repeat clock restarts from it', () => {
  const { sent } = simulate(100, (m) => [alert('a', m < 10 ? 'warning' : 'critical')]);
  assert.deepEqual(sent, ['0 fire a warning', '10 fire a critical', '70 fire a critical']);
});

test('de-escalation critical → warning waits for the repeat; back to critical before it is not news', () => {
  const severity = (m: number): AlertSeverity =>
    m < 10 ? 'critical' : m < 30 ? 'warning' : m < 40 ? 'critical' : 'warning';
  const { sent } = simulate(75, (m) => [alert('a', severity(m))]);
  // 10: fell to warning, silent; 30: back to critical, already sent as critical; 60: due, as warning.
  assert.deepEqual(sent, ['0 fire a critical', '60 fire a warning']);
  const risen = simulate(75, (m) => [alert('a', m < 50 ? 'critical' : m < 55 ? 'warning' : 'critical')]);
  // 55: critical again, but the last send already said critical; 60: due, as critical.
  assert.deepEqual(risen.sent, ['0 fire a critical', '60 fire a critical']);
  const after = simulate(75, (m) => [alert('a', m < 10 ? 'critical' : m < 70 ? 'warning' : 'critical')]);
  // 60: the repeat says warning; 70: rising above what was last sent is sent at once.
  assert.deepEqual(after.sent, ['0 fire a critical', '60 fire a warning', '70 fire a critical']);
});

test('flapping: back within repeat is sent, then the resolve waits until it stays clear for repeat', () => {
  // bad on even minutes for the first 20 minutes, then clear for good
  const { sent, state } = simulate(100, (m) => (m < 20 && m % 2 === 0 ? [alert('a')] : []));
  assert.deepEqual(sent, ['0 fire a warning', '1 resolved a', '2 fire a warning', '79 resolved a']);
  assert.equal(state.a!.resolvedAt, T0 + 79 * MIN); // clear since minute 19, held for an hour
  assert.equal(state.a!.flapping, undefined);
});

test('flapping for hours: repeats go on while it flaps, one resolve after it settles', () => {
  const { sent } = simulate(200, (m) => (m < 130 && m % 3 === 0 ? [alert('a')] : []));
  assert.deepEqual(sent, [
    '0 fire a warning',
    '1 resolved a',
    '3 fire a warning',
    '63 fire a warning',
    '123 fire a warning',
    '190 resolved a', // last bad at 129: clear from 130, held for the hour
  ]);
});

test('back after more than repeat is a new alert, not flapping', () => {
  const { sent, state } = simulate(140, (m) => (m < 5 || (m >= 70 && m < 75) ? [alert('a')] : []));
  assert.deepEqual(sent, ['0 fire a warning', '5 resolved a', '70 fire a warning', '75 resolved a']);
  assert.equal(state.a, undefined, 'the resolved entry is forgotten after repeat');
});

test('not measured: a firing alert is neither resolved nor repeated while it cannot be judged', () => {
  const { sent, state } = simulate(150, (m) => (m < 5 ? [alert('a')] : m < 130 ? 'unknown' : []));
  assert.deepEqual(sent, ['0 fire a warning', '130 resolved a']);
  assert.equal(state.a!.resolvedAt, T0 + 130 * MIN);
  const back = simulate(100, (m) => (m < 5 ? [alert('a')] : m < 90 ? 'unknown' : [alert('a')]));
  assert.deepEqual(back.sent, ['0 fire a warning', '90 fire a warning']); // due since 60, judged at 90
});

test('keys are independent; one plan sends the new ones and resolves the cleared ones together', () => {
  const state = simulate(1, () => [alert('a'), alert('b', 'critical')]).state;
  const plan = planNotifications({
    state,
    alerts: [alert('b', 'critical'), alert('c')],
    now: T0 + 5 * MIN,
    repeatMs: HOUR,
    isUnknown: () => false,
  });
  assert.deepEqual(
    plan.fire.map((a) => a.key),
    ['c'],
  );
  assert.deepEqual(
    plan.resolved.map((a) => a.key),
    ['a'],
  );
  assert.deepEqual(Object.keys(plan.nextState).sort(), ['a', 'b', 'c']);
  assert.equal(plan.nextState.b!.lastNotified, T0, 'b was not sent again');
  assert.equal(plan.nextState.b!.alert.message, 'b 90 ≥ critical');
});

test('the input state is not modified', () => {
  const state = simulate(1, () => [alert('a')]).state;
  const frozen = JSON.stringify(state);
  planNotifications({
    state,
    alerts: [alert('a', 'critical')],
    now: T0 + HOUR,
    repeatMs: HOUR,
    isUnknown: () => false,
  });
  planNotifications({ state, alerts: [], now: T0 + HOUR, repeatMs: HOUR, isUnknown: () => false });
  assert.equal(JSON.stringify(state), frozen);
});
