import assert from 'node:assert/strict';
import { test } from 'node:test';
import { logConfigOf } from './configLog.js';
import { envOverrides } from './configEnv.js';
import { resolveLogZone } from './logZone.js';

const LOG_KEYS = { properties: { logDir: { type: 'string' }, tz: { type: 'string' } } };
const configured = (file: Record<string, unknown>, env: NodeJS.ProcessEnv = {}) =>
  logConfigOf(file, envOverrides(env, LOG_KEYS), 'smsmon.config.json');
const at = Date.UTC(2024, 0, 20, 12, 0, 0);
/** The instant a zone's wall clock reads 2024-01-20 12:00:00. */
const noonIn = (zone: ReturnType<typeof resolveLogZone>) => zone.wallClock(2024, 1, 20, 12, 0, 0);

test('--tz wins over SMSMON_TZ, which wins over tz of the config, which wins over the machine', () => {
  const file = { tz: '+02:00' };
  const env = { SMSMON_TZ: 'America/New_York' };
  const both = configured(file, env);
  assert.deepEqual(resolveLogZone('UTC', both.tz).setBy, '--tz');
  assert.equal(noonIn(resolveLogZone('UTC', both.tz)), at);
  assert.equal(resolveLogZone(undefined, both.tz).setBy, 'SMSMON_TZ');
  assert.equal(noonIn(resolveLogZone(undefined, both.tz)), at + 5 * 3_600_000);
  const fileOnly = configured(file);
  assert.equal(resolveLogZone(undefined, fileOnly.tz).setBy, 'smsmon.config.json');
  assert.equal(noonIn(resolveLogZone(undefined, fileOnly.tz)), at - 2 * 3_600_000);
  const none = resolveLogZone(undefined, configured({}).tz);
  assert.equal(none.zone, undefined);
  assert.equal(none.setBy, 'this machine');
  assert.equal(noonIn(none), new Date(2024, 0, 20, 12, 0, 0).getTime());
});

test('SMSMON__TZ sets tz too; the named SMSMON_TZ wins over it; empty is unset', () => {
  assert.equal(configured({}, { SMSMON__TZ: '-03:00' }).tz?.value, '-03:00');
  assert.equal(configured({}, { SMSMON__TZ: '-03:00', SMSMON_TZ: 'UTC' }).tz?.value, 'UTC');
  assert.equal(configured({ tz: 'UTC' }, { SMSMON_TZ: '' }).tz?.setBy, 'smsmon.config.json');
});

test('a bad zone is a usage error naming the key and what set it', () => {
  assert.throws(() => configured({ tz: 'Mars/Olympus' }), {
    exitCode: 2,
    message:
      'smsmon.config.json: tz: expected an IANA zone (Europe/Berlin), UTC, or an offset (+02:00), not "Mars/Olympus"',
  });
  assert.throws(() => configured({}, { SMSMON_TZ: '+25:00' }), {
    message: /^SMSMON_TZ: tz: offset beyond ±18:00, not "\+25:00"$/,
  });
  assert.throws(() => configured({ tz: 5 }), {
    message: /^smsmon\.config\.json: tz: expected a non-empty string$/,
  });
  assert.throws(() => configured({ logDir: '' }), {
    message: /^smsmon\.config\.json: logDir: expected a non-empty string$/,
  });
  assert.throws(() => resolveLogZone('Mars/Olympus'), {
    message: /^bad --tz "Mars\/Olympus"; expected an IANA zone/,
  });
});

test('logDir: the variable wins over the file, and says so', () => {
  assert.deepEqual(configured({ logDir: 'a' }).logDir, {
    value: 'a',
    setBy: 'smsmon.config.json',
    fromEnv: false,
  });
  assert.deepEqual(configured({ logDir: 'a' }, { SMSMON_LOG_DIR: 'b' }).logDir, {
    value: 'b',
    setBy: 'SMSMON_LOG_DIR',
    fromEnv: true,
  });
});
