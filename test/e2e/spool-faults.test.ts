import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scratchRedis, type ScratchRedis } from '../kit/redisScratch.js';
import { REPO, runSmsmon } from '../kit/runSmsmon.js';

/**
 * metrics snapshot when the spool itself fails: with Redis down, every fault of the spool path
 * exits 3 with one line on stderr and the snapshot on stdout as one spool line (cron mails it, and
 * appended to a spool it is replayed); never a stack trace, never a hang. Real objects at the path:
 * a FIFO, a directory, a path under a file, /proc files, a device, a symlink, a read-only directory
 * (entered as nobody when the tests run as root, whom permission bits do not stop).
 */
const NOW = '2024-01-20T00:30:00Z';
const dir = mkdtempSync(join(tmpdir(), 'smsmon-spool-e2e-'));
chmodSync(dir, 0o755);
const CLEAN_ENV = { SMSMON_CONFIG: '', DATABASE_URL: '', REDIS_URL: '', SMSMON_NOW: NOW };
const DOWN = 'redis://127.0.0.1:1';
let scratch: ScratchRedis;
before(async () => {
  scratch = await scratchRedis();
});
after(async () => {
  await scratch.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

const snapshot = (spool: string, redis: string, options: { uid?: number } = {}) =>
  runSmsmon(
    ['metrics', 'snapshot', '--no-system', '--no-database', '--dir', join(REPO, 'fixtures/logs')].concat([
      '--host',
      'web-1',
      '--redis',
      redis,
      '--prefix',
      scratch.prefix,
      '--spool',
      spool,
      '--quiet',
    ]),
    { env: CLEAN_ENV, ...options },
  );

let cases = 0;
const fresh = () => {
  const path = join(dir, `case-${++cases}`);
  mkdirSync(path, { mode: 0o755 });
  return path;
};

async function assertKeptOnStdout(spool: string, reason: RegExp, options: { uid?: number } = {}) {
  const { stdout, stderr, code } = await snapshot(spool, DOWN, options);
  assert.equal(code, 3, stderr);
  const lines = stderr.split('\n').filter(Boolean);
  assert.equal(lines.length, 1, stderr);
  assert.match(lines[0]!, /^smsmon: Redis unreachable: .*; cannot use the spool /);
  assert.match(lines[0]!, reason);
  assert.match(lines[0]!, /: the snapshot follows on stdout as one spool line$/);
  assert.equal(stdout.split('\n').length, 2, 'one line and its newline');
  const kept = JSON.parse(stdout) as { host: string; timestamp: number; metrics: Record<string, number> };
  assert.equal(kept.host, 'web-1');
  assert.equal(kept.timestamp, Date.parse(NOW));
  assert.equal(kept.metrics.log_records_last_hour, 2246);
  return stdout;
}

test('Redis down and a FIFO at the spool path: exit 3, the snapshot on stdout, no hang', async () => {
  const spool = join(fresh(), 'spool.ndjson');
  execFileSync('mkfifo', [spool]);
  await assertKeptOnStdout(spool, /is a FIFO, not a regular file/);
});

test('Redis down and a directory, a path under a file, /proc files or a device as spool: exit 3, stdout', async () => {
  const base = fresh();
  mkdirSync(join(base, 'spool.ndjson'));
  writeFileSync(join(base, 'plain'), '');
  await assertKeptOnStdout(join(base, 'spool.ndjson'), /is a directory, not a regular file/);
  await assertKeptOnStdout(join(base, 'plain', 'spool.ndjson'), /plain is not a directory/);
  await assertKeptOnStdout('/proc/version', /is a file of \/proc/);
  await assertKeptOnStdout('/proc/self/status', /is a file of \/proc/);
  await assertKeptOnStdout('/dev/null', /is a character device/);
});

test('Redis down and a symlink as spool: not followed, its target untouched; exit 3, stdout', async () => {
  const base = fresh();
  writeFileSync(join(base, 'target'), 'precious\n');
  symlinkSync(join(base, 'target'), join(base, 'spool.ndjson'));
  await assertKeptOnStdout(join(base, 'spool.ndjson'), /is a symbolic link, not a regular file/);
  assert.equal(readFileSync(join(base, 'target'), 'utf8'), 'precious\n');
});

test('Redis down and a read-only spool directory: exit 3, stdout; the line printed replays', async () => {
  const base = fresh();
  const spoolDir = join(base, 'state');
  mkdirSync(spoolDir, { mode: 0o555 });
  chmodSync(spoolDir, 0o555);
  const asNobody = process.getuid?.() === 0 ? { uid: 65534 } : {};
  const line = await assertKeptOnStdout(join(spoolDir, 'spool.ndjson'), /permission denied/, asNobody);

  // What cron mailed, appended to a working spool, is replayed by the next run that reaches Redis.
  const spool = join(fresh(), 'spool.ndjson');
  writeFileSync(spool, line, { mode: 0o600 });
  const up = await snapshot(spool, 'redis://127.0.0.1:6379');
  assert.equal(up.code, 0, up.stderr);
  const key = `${scratch.prefix}:{web-1}:metric:log_records_last_hour`;
  assert.deepEqual(await scratch.redis.zrange(key, '0', '-1'), [`${Date.parse(NOW)}:2246`]);
});

test('Redis up and a FIFO as spool: the snapshot is stored, the spool fault reported, exit 3', async () => {
  const spool = join(fresh(), 'spool.ndjson');
  execFileSync('mkfifo', [spool]);
  const { stdout, stderr, code } = await snapshot(spool, 'redis://127.0.0.1:6379');
  assert.equal(code, 3, stderr);
  assert.equal(stdout, '');
  assert.match(
    stderr,
    /^smsmon: spool not replayed: cannot use the spool .* is a FIFO, not a regular file\n$/,
  );
  assert.equal(
    await scratch.redis.hget(`${scratch.prefix}:{web-1}:latest`, 'timestamp'),
    String(Date.parse(NOW)),
  );
});
