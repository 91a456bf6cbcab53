import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asctimeIn } from '../kit/wallClock.js';
import { runSmsmon } from '../kit/runSmsmon.js';

/**
 * Logs written as Django writes them with TIME_ZONE = 'America/New_York' (asctime in New York's wall
 * clock), just now, so each live file's mtime is now: read in UTC they look hours old and every
 * relative window comes out empty — which must be said, never a silent zero.
 */
const root = mkdtempSync(join(tmpdir(), 'smsmon-tz-e2e-'));
after(() => rmSync(root, { recursive: true, force: true }));

/** Variables of the machine running the tests must not leak in; the clock is the real one. */
const ENV = { SMSMON_CONFIG: '', SMSMON_LOG_DIR: '', SMSMON_TZ: '', SMSMON_NOW: '', TZ: 'UTC' };
const MINUTES_AGO = [50, 30, 10, 1];

/** "-05:00" (or "-04:00" in summer): the zone's offset now. */
function offsetNow(zone: string): string {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
    .formatToParts(Date.now())
    .find((p) => p.type === 'timeZoneName')!.value;
  return name === 'GMT' ? '+00:00' : name.slice(3);
}

/** app.log, errors.log and sms.log (JSON) in the guide's formats, written in `zone`, one record per MINUTES_AGO. */
function logsWrittenIn(zone: string): string {
  const dir = join(root, zone.replace('/', '-'));
  mkdirSync(dir);
  const now = Date.now();
  const lines = (level: string, text: string) =>
    MINUTES_AGO.map(
      (m, i) => `${level} ${asctimeIn(now - m * 60_000, zone)} views 4242 1401 ${text} ${i}\n`,
    ).join('');
  writeFileSync(join(dir, 'errors.log'), lines('ERROR', 'Payment failed for order'));
  writeFileSync(join(dir, 'app.log'), lines('INFO', 'POST /sms/ 200 processing_time=0.25 request'));
  const sms = MINUTES_AGO.map(
    (m, i) =>
      `{"level": "INFO", "time": "${asctimeIn(now - m * 60_000, zone)}", "module": "sms", "message": "SMS received ${i}"}\n`,
  );
  writeFileSync(join(dir, 'sms.log'), sms.join(''));
  return dir;
}

const newYork = logsWrittenIn('America/New_York');
const offset = offsetNow('America/New_York');
const hours = Number(offset.slice(1, 3));
/** The offset inside a RegExp. */
const offsetRe = offset.replace('+', '\\+');
/** The one stderr line for `file` read `gapHours` behind New York's wall clock. */
const warning = (file: string, gapHours: number) =>
  new RegExp(
    `^smsmon: ${file}'s newest record is ${gapHours}h0[01]m behind its mtime: logs written in UTC${offsetRe}\\? set "tz": "${offsetRe}" or --tz=${offsetRe}\\n$`,
  );

async function errorsCount(env: NodeJS.ProcessEnv, ...args: string[]) {
  const run = await runSmsmon(['errors', 'count', '--json', '--dir', newYork, ...args], {
    env: { ...ENV, ...env },
  });
  return { ...run, total: run.stdout ? (JSON.parse(run.stdout) as { total: number }).total : NaN };
}

test('read in UTC, --since 1h finds nothing: one stderr line names the offset the mtime implies; exit 0 as documented', async () => {
  const run = await errorsCount({}, '--since', '1h');
  assert.equal(run.total, 0);
  assert.equal(run.code, 0);
  assert.match(run.stderr, warning('errors.log', hours));
  const quiet = await errorsCount({}, '--since', '1h', '--quiet');
  assert.match(quiet.stderr, warning('errors.log', hours), 'a correctness warning: printed with --quiet too');
  const compare = await errorsCount({}, '--compare', '1h');
  assert.match(
    compare.stderr,
    warning('errors.log', hours),
    '--compare without --since is a relative window',
  );
});

test('read on a machine east of UTC the gap grows, the implied zone stays New York', async () => {
  const run = await errorsCount({ TZ: 'Asia/Tokyo' }, '--since', '1h');
  assert.equal(run.total, 0);
  assert.match(run.stderr, warning('errors.log', hours + 9));
});

test('SMSMON_TZ, tz of the config or --tz: every record of the hour is counted, nothing on stderr', async () => {
  const fromEnv = await errorsCount({ SMSMON_TZ: 'America/New_York' }, '--since', '1h');
  assert.equal(fromEnv.total, MINUTES_AGO.length, fromEnv.stderr);
  assert.equal(fromEnv.stderr, '');
  assert.equal((await errorsCount({ SMSMON_TZ: offset }, '--since', '15m')).total, 2, 'a fixed offset too');
  const cwd = join(root, 'with-config');
  mkdirSync(cwd);
  writeFileSync(join(cwd, 'smsmon.config.json'), JSON.stringify({ tz: 'America/New_York', logDir: newYork }));
  const fromConfig = await runSmsmon(['errors', 'count', '--json', '--since', '1h'], { cwd, env: ENV });
  assert.equal(
    (JSON.parse(fromConfig.stdout) as { total: number }).total,
    MINUTES_AGO.length,
    fromConfig.stderr,
  );
  assert.equal(fromConfig.stderr, '');
  const flagWins = await errorsCount(
    { SMSMON_TZ: 'Asia/Tokyo' },
    '--since',
    '1h',
    '--tz',
    'America/New_York',
  );
  assert.equal(flagWins.total, MINUTES_AGO.length);
});

test('a bad tz is a usage error naming the key and who set it', async () => {
  const run = await errorsCount({ SMSMON_TZ: 'Mars/Olympus' });
  assert.equal(run.code, 2);
  assert.match(run.stderr, /^smsmon: SMSMON_TZ: tz: expected an IANA zone .*, not "Mars\/Olympus"\n$/);
});

test('latency and logs search warn too; with the zone set they find the hour', async () => {
  const latency = await runSmsmon(['latency', '--since', '1h', '--dir', newYork], { env: ENV });
  assert.equal(latency.code, 5, 'no value');
  assert.match(latency.stderr, new RegExp(`app\\.log's newest record is ${hours}h0[01]m behind its mtime`));
  const set = await runSmsmon(['latency', '--since', '1h', '--json', '--exact', '--dir', newYork], {
    env: { ...ENV, SMSMON_TZ: 'America/New_York' },
  });
  assert.equal(set.code, 0, set.stderr);
  assert.match(set.stdout, new RegExp(`"count": ${MINUTES_AGO.length}\\b`));
  const search = await runSmsmon(['logs', 'search', '--since', '2h', '--dir', newYork], { env: ENV });
  assert.equal(search.code, 1);
  assert.match(search.stderr, /app\.log's newest record is/);
  const absolute = await runSmsmon(['logs', 'search', '--since', '2024-01-01T00:00', '--dir', newYork], {
    env: ENV,
  });
  assert.doesNotMatch(absolute.stderr, /newest record/, 'an absolute --since is what the user asked for');
});

test('logs written east of the reader look like the future: said even when the window is not empty', async () => {
  const kolkata = logsWrittenIn('Asia/Kolkata');
  const run = await runSmsmon(['logs', 'search', '--since', '1h', '--dir', kolkata], { env: ENV });
  assert.equal(run.code, 0);
  assert.match(
    run.stderr,
    /app\.log's newest record is 5h29m ahead of its mtime: logs written in UTC\+05:30\?/,
  );
});

interface DoctorReport {
  checks: Array<{ name: string; status: string; detail: string; hint: string }>;
}

test('doctor: log-clock WARNs proposing the zone, and PASSes once tz is set', async () => {
  const doctor = async (env: NodeJS.ProcessEnv) => {
    const run = await runSmsmon(['doctor', '--json', '--timeout', '1s', '--dir', newYork], {
      env: { ...ENV, ...env },
    });
    const report = JSON.parse(run.stdout) as DoctorReport;
    return new Map(report.checks.filter((c) => c.name.startsWith('log-clock:')).map((c) => [c.name, c]));
  };
  const unset = await doctor({});
  for (const name of ['log-clock:app', 'log-clock:errors', 'log-clock:sms']) {
    assert.equal(unset.get(name)?.status, 'warn', name);
    assert.match(
      unset.get(name)!.detail,
      new RegExp(`behind its mtime, read in this machine's zone: written in UTC${offsetRe}\\?`),
    );
    assert.match(unset.get(name)!.hint, new RegExp(`^set "tz": "${offsetRe}" in smsmon\\.config\\.json`));
  }
  const set = await doctor({ SMSMON_TZ: 'America/New_York' });
  for (const name of ['log-clock:app', 'log-clock:errors', 'log-clock:sms'])
    assert.equal(set.get(name)?.status, 'pass', name);
  assert.match(
    set.get('log-clock:app')!.detail,
    /matches its mtime \(read in America\/New_York, from SMSMON_TZ\)/,
  );
});

test("metrics collect's hour of logs and the exporter's lag use the zone; a wrong one is said", async () => {
  const collect = (env: NodeJS.ProcessEnv) =>
    runSmsmon(['metrics', 'collect', '--no-system', '--no-database', '--json', '--dir', newYork], {
      env: { ...ENV, ...env },
    });
  const unset = await collect({});
  assert.equal(unset.code, 0, unset.stderr);
  assert.equal(
    (JSON.parse(unset.stdout) as { metrics: Record<string, number> }).metrics.log_records_last_hour,
    0,
  );
  assert.match(unset.stderr, warning('app.log', hours));
  const set = await collect({ SMSMON_TZ: 'America/New_York' });
  const metrics = (JSON.parse(set.stdout) as { metrics: Record<string, number> }).metrics;
  assert.equal(metrics.log_records_last_hour, MINUTES_AGO.length, set.stderr);
  assert.equal(set.stderr, '');
  const textfile = join(root, 'smsmon.prom');
  const exporter = await runSmsmon(['exporter', '--no-system', '--textfile', textfile, '--dir', newYork], {
    env: ENV,
  });
  assert.equal(exporter.code, 0, exporter.stderr);
  assert.match(exporter.stderr, /(app|errors)\.log's newest record is \d+h0[01]m behind its mtime/);
});
