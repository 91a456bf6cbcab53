import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scratchRedis, zrangePairs, type ScratchRedis } from '../kit/redisScratch.js';
import { REPO, runSmsmon } from '../kit/runSmsmon.js';

/**
 * A host whose clock runs 2 days ahead (SMSMON_NOW) against the real Redis and its clock (TIME):
 * its snapshot is refused and spooled, the real history and the latest hash stay, and a latest hash
 * already pinned to the future is a problem for `alerts check --from-redis`.
 */
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const dir = mkdtempSync(join(tmpdir(), 'smsmon-future-'));
const spool = join(dir, 'spool.ndjson');
const CLEAN_ENV = { SMSMON_CONFIG: '', DATABASE_URL: '', REDIS_URL: '', SMSMON_SLACK_WEBHOOK_URL: '' };
let scratch: ScratchRedis;
let config: string;
let now: number;

before(async () => {
  scratch = await scratchRedis();
  const [seconds] = await scratch.redis.time();
  now = Number(seconds) * 1000;
  config = join(dir, 'smsmon.config.json');
  writeFileSync(
    config,
    JSON.stringify({
      logDir: join(REPO, 'fixtures/logs'),
      redis: { url: 'redis://127.0.0.1:6379', prefix: scratch.prefix },
      spool: { path: spool },
    }),
  );
});
after(async () => {
  await scratch.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

const at = (ms: number) => ({ env: { ...CLEAN_ENV, SMSMON_NOW: new Date(ms).toISOString() } });
const snapshot = (ms: number, host: string) =>
  runSmsmon(
    ['--config', config, 'metrics', 'snapshot', '--no-system', '--no-database', '--host', host],
    at(ms),
  );
const latestKey = (host: string) => `${scratch.prefix}:{${host}}:latest`;
const seriesTimes = async (host: string) =>
  (await zrangePairs(scratch.redis, `${scratch.prefix}:{${host}}:metric:log_records_last_hour`)).map(
    ([, t]) => t,
  );

test('a snapshot 2 days ahead is refused and spooled (exit 4): history not trimmed, latest kept', async () => {
  const history = [now - 2 * HOUR, now - HOUR, now];
  for (const t of history) {
    const run = await snapshot(t, 'web-1');
    assert.equal(run.code, 0, run.stderr);
  }
  const future = await snapshot(now + 2 * DAY, 'web-1');
  assert.equal(future.code, 4, future.stderr);
  assert.match(
    future.stderr,
    /smsmon: refused: snapshot stamped \S+ is 2d00h ahead of Redis' clock \(\S+; redis\.maxFutureSkew 5m00s\): check this machine's clock; snapshot spooled to \S+ \(1 waiting\) for the next run\n/,
  );
  assert.deepEqual(await seriesTimes('web-1'), history);
  assert.equal(await scratch.redis.hget(latestKey('web-1'), 'timestamp'), String(now));

  // The next run with a right clock is stored; the future one waits in the spool, said so.
  const next = await snapshot(now + MINUTE, 'web-1');
  assert.equal(next.code, 0, next.stderr);
  assert.match(next.stderr, /1 spooled snapshot\(s\) stamped ahead of Redis' clock left in /);
  assert.deepEqual(await seriesTimes('web-1'), [...history, now + MINUTE]);
  assert.equal(await scratch.redis.hget(latestKey('web-1'), 'timestamp'), String(now + MINUTE));
  const waiting = readFileSync(spool, 'utf8').trim().split('\n');
  assert.deepEqual(
    waiting.map((line) => (JSON.parse(line) as { timestamp: number }).timestamp),
    [now + 2 * DAY],
  );
});

test('alerts check --from-redis: a latest hash stamped in the future is a problem (exit 3); a good snapshot replaces it', async () => {
  // As the previous version left it: latest pinned 2 days ahead.
  await scratch.redis.hset(latestKey('web-2'), {
    timestamp: String(now + 2 * DAY),
    host: 'web-2',
    error_rate: '0',
    details: '{}',
    failures: '[]',
  });
  const check = () =>
    runSmsmon(
      ['--config', config, 'alerts', 'check', '--from-redis', '--host', 'web-2', '--no-health', '--json'],
      at(now),
    );
  const pinned = await check();
  assert.equal(pinned.code, 3, pinned.stderr);
  const report = JSON.parse(pinned.stdout) as { problems: string[] };
  assert.equal(report.problems.length, 1);
  assert.match(
    report.problems[0]!,
    /^the stored snapshot is stamped 2d00h ahead of Redis' clock \(redis\.maxFutureSkew 5m\): /,
  );

  const fixed = await snapshot(now, 'web-2');
  assert.equal(fixed.code, 0, fixed.stderr);
  assert.equal(await scratch.redis.hget(latestKey('web-2'), 'timestamp'), String(now));
  const healed = await check();
  assert.deepEqual((JSON.parse(healed.stdout) as { problems: string[] }).problems, []);
});
