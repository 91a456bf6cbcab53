import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import { APP_TZ, DjangoApp, holdsOpen, nearestRank, stopChild, type DjangoTruth } from '../kit/djangoKit.js';
import { parseExposition } from '../kit/exporterKit.js';
import { BIN, runSmsmon, type RunResult } from '../kit/runSmsmon.js';
import { runInTerminal } from '../kit/terminalRun.js';
import { displayWidth } from '../../src/sinks/displayWidth.js';
import { asctimeIn } from '../kit/wallClock.js';

/**
 * smsmon against a real Django 3.2 app (test/django): the guide's LOGGING dict verbatim, TIME_ZONE
 * America/New_York, PostgreSQL, Redis, runserver driven by test/django/traffic.py, whose truth
 * comes from what the views did. The wording is the app's own, not test/kit's.
 */
const MAX_BYTES = 20_000;
// The real clock (the metrics' last hour), the app's zone from the environment as well as --tz.
const ENV = { SMSMON_NOW: '', SMSMON_TZ: APP_TZ, DATABASE_URL: '', REDIS_URL: '', SMSMON_HEALTH_URL: '' };
const TZ = ['--tz', APP_TZ];

interface CliRecord {
  time_text: string;
  level: string;
  pid: number | null;
  thread: number | null;
  message: string;
  exc_text: string;
  suspect: string | null;
}

/** `logs tail -f` as a child process, collecting its ndjson records. */
class Tail {
  readonly child: ChildProcess;
  readonly records: CliRecord[] = [];
  stderr = '';
  private partial = '';

  constructor(dir: string) {
    const args = ['logs', 'tail', 'app', '-f', '-n', '100000', '--ndjson', '--dir', dir, ...TZ];
    this.child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, FORCE_COLOR: undefined, NO_COLOR: '1', TZ: 'UTC', ...ENV },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout!.setEncoding('utf8').on('data', (text: string) => {
      const lines = (this.partial + text).split('\n');
      this.partial = lines.pop()!;
      for (const line of lines) this.records.push(JSON.parse(line) as CliRecord);
    });
    this.child.stderr!.setEncoding('utf8').on('data', (text: string) => (this.stderr += text));
  }
}

let app: DjangoApp | undefined;
let tail: Tail | undefined;
let truth: DjangoTruth;
/** The log directory as the traffic left it, before later requests (health) add access records. */
const frozen = mkdtempSync(join(tmpdir(), 'smsmon-django-logs-'));

before(async () => {
  app = new DjangoApp(MAX_BYTES);
  await app.setup();
  await app.serve();
  const live = app.logDir;
  tail = new Tail(live);
  const deadline = Date.now() + 10_000;
  while (!holdsOpen(tail.child.pid!, join(live, 'app.log'))) {
    assert.ok(
      Date.now() < deadline && tail.child.exitCode === null,
      `logs tail -f did not start: ${tail.stderr}`,
    );
    await sleep(20);
  }
  truth = app.traffic();
  while (tail.records.length < truth.files.app! && Date.now() < deadline + 10_000) await sleep(20);
  await sleep(300); // anything repeated after the last record would arrive now
  await stopChild(tail.child);
  cpSync(live, frozen, { recursive: true });
});

after(async () => {
  await stopChild(tail?.child);
  await app?.stop();
  rmSync(frozen, { recursive: true, force: true });
});

function smsmon(args: readonly string[]): Promise<RunResult> {
  return runSmsmon(args, { env: ENV, cwd: frozen });
}

async function json<T>(args: readonly string[]): Promise<T> {
  const run = await smsmon(args);
  assert.equal(run.code, 0, `smsmon ${args.join(' ')} exited ${run.code}: ${run.stderr}`);
  return JSON.parse(run.stdout) as T;
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

const sorted = (counts: Record<string, number>): [string, number][] =>
  Object.entries(counts).sort(([a], [b]) => a.localeCompare(b));

describe('a real Django app', () => {
  test("the app's logs: rotated, no backup deleted, sms.log not all JSON, asctime in New York", async () => {
    for (const family of ['app', 'errors', 'sms'])
      assert.ok(existsSync(join(frozen, `${family}.log.1`)), `${family}.log did not rotate`);
    assert.ok(!existsSync(join(frozen, 'app.log.10')) && !existsSync(join(frozen, 'sms.log.5')));
    // The guide's json formatter does not escape: SMS bodies with quotes make lines that JSON.parse refuses.
    const notJson = ['sms.log', 'sms.log.1']
      .flatMap((name) => readFileSync(join(frozen, name), 'utf8').split('\n'))
      .filter((line) => {
        try {
          JSON.parse(line);
          return false;
        } catch {
          return line !== '';
        }
      });
    assert.ok(notJson.length > 0, 'some sms.log lines should be invalid JSON');
    // Read in the app's zone, the newest record is from the last minutes: the logs are New York time.
    const last = await json<{ time: string }[]>([
      'logs',
      'tail',
      'app',
      '-n',
      '1',
      '--json',
      '--dir',
      '.',
      ...TZ,
    ]);
    const age = Date.now() - Date.parse(last[0]!.time);
    assert.ok(age >= 0 && age < 5 * 60_000, `newest app.log record ${last[0]!.time}, ${age} ms old`);
  });

  test('logs tail -f across rotation: every app.log record once, none lost, none repeated', async () => {
    const files = (await smsmon(['logs', 'search', 'app', '--ndjson', '--dir', '.', ...TZ])).stdout
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as CliRecord);
    const identity = (r: CliRecord): string =>
      JSON.stringify([r.time_text, r.pid, r.thread, r.message, r.exc_text]);
    assert.equal(
      files.length,
      truth.files.app,
      `the files hold ${files.length} records, the app wrote ${truth.files.app}`,
    );
    assert.equal(
      tail!.records.length,
      truth.files.app,
      `tail -f printed ${tail!.records.length} of ${truth.files.app}`,
    );
    assert.deepEqual(sorted(countBy(tail!.records, identity)), sorted(countBy(files, identity)));
    assert.deepEqual(
      countBy(tail!.records, (r) => r.level),
      truth.levels.app,
    );
  });

  test('no record of the real app looks injected (every family, tail -f too)', async () => {
    for (const family of ['app', 'errors', 'sms']) {
      const run = await smsmon(['logs', 'search', family, '--ndjson', '--dir', '.', ...TZ]);
      const records = run.stdout
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as { suspect: string | null });
      assert.ok(records.length > 0, `${family}: no records`);
      assert.deepEqual(
        records.filter((r) => r.suspect !== null),
        [],
        `${family}: ${run.stderr}`,
      );
      assert.doesNotMatch(run.stderr, /look injected/);
    }
    assert.deepEqual(
      tail!.records.filter((r) => r.suspect !== null),
      [],
    );
    assert.doesNotMatch(tail!.stderr, /look injected/);
  });

  interface Group {
    type: string;
    count: number;
    sample: string;
  }
  const errorsCount = (): Promise<{ total: number; groups: Group[] }> =>
    json(['errors', 'count', '--json', '--dir', '.', ...TZ]);

  test('errors count: the total and every traceback class equal the truth', async () => {
    const counted = await errorsCount();
    assert.equal(counted.total, truth.error_records);
    for (const [type, group] of Object.entries(truth.error_groups).filter(([, g]) => g.traceback))
      assert.equal(counted.groups.find((g) => g.type === type)?.count, group.count, type);
  });

  test('errors count: one group per logging statement (tracebacks by exception class)', async () => {
    const { groups } = await errorsCount();
    const expected = Object.entries(truth.error_groups);
    // A group belongs to the truth key whose traceback class it names, else whose statement logged its sample.
    const keyOf = (g: Group): string =>
      truth.error_groups[g.type]?.traceback
        ? g.type
        : (expected.find(([, t]) => !t.traceback && t.messages.includes(g.sample))?.[0] ??
          `unknown: ${g.type}`);
    const found = new Map<string, number[]>();
    for (const g of groups) found.set(keyOf(g), [...(found.get(keyOf(g)) ?? []), g.count]);
    const split = [...found].filter(([, counts]) => counts.length > 1);
    assert.deepEqual(
      [...found].map(([key, counts]) => [key, counts.reduce((a, b) => a + b, 0)]).sort(),
      expected.map(([key, g]) => [key, g.count]).sort(),
    );
    assert.equal(
      groups.length,
      expected.length,
      `errors count: ${truth.error_statements} statements, ${expected.length} expected groups, ` +
        `${groups.length} groups; split: ${split.map(([k, c]) => `${k} (${truth.error_groups[k]?.messages[0]?.slice(0, 50)}…) into ${c.length}`).join('; ')}`,
    );
  });

  test('errors count in an 80-column terminal fits it, every group counted; --wide draws it whole', async (t) => {
    const args = `errors count --dir . --tz ${APP_TZ} --no-color`;
    const fitted = await runInTerminal(args, { columns: 80, cwd: frozen });
    t.diagnostic(`\n${fitted.out}`);
    assert.equal(fitted.code, 0, fitted.out);
    const lines = fitted.out.trimEnd().split('\n');
    for (const line of lines) assert.ok(displayWidth(line) <= 80, `${displayWidth(line)}: ${line}`);
    const counts = lines
      .filter((l) => l.startsWith('│ '))
      .slice(1)
      .map((l) => Number(l.split('│')[2]));
    assert.equal(
      counts.reduce((a, b) => a + b, 0),
      truth.error_records,
    );
    const wide = await runInTerminal(`${args} --wide`, { columns: 80, cwd: frozen });
    const piped = await smsmon(['errors', 'count', '--dir', '.', ...TZ, '--wide']);
    assert.equal(wide.out, piped.stdout);
    assert.ok(Math.max(...wide.out.split('\n').map(displayWidth)) > 80);
  });

  test('errors count --since 1h in the app zone counts every error', async () => {
    const counted = await json<{ total: number }>([
      'errors',
      'count',
      '--json',
      '--since',
      '1h',
      '--dir',
      '.',
      ...TZ,
    ]);
    assert.equal(counted.total, truth.error_records);
  });

  test("--by hour in errors count and latency: the UTC start of each of the app's New York hours", async () => {
    // The hours as written: the asctime of every record, by its YYYY-MM-DD HH.
    const hoursOf = async (family: string, grep: string[]) => {
      const run = await smsmon(['logs', 'search', family, '--ndjson', '--dir', '.', ...grep, ...TZ]);
      const records = run.stdout
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line) as CliRecord);
      return sorted(countBy(records, (r) => r.time_text.slice(0, 13)));
    };
    // A key read back on New York's wall clock is that hour, at minute 0.
    const wallHours = (groups: Array<[string, number]>) =>
      groups.map(([key, count]): [string, number] => {
        assert.match(key, /^\d{4}-\d\d-\d\dT\d\d:00:00Z$/);
        const shown = asctimeIn(Date.parse(key), APP_TZ);
        assert.equal(shown.slice(13), ':00:00,000', key);
        return [shown.slice(0, 13), count];
      });
    const byHour = <T>(command: string[]) =>
      json<T>([...command, '--by', 'hour', '--json', '--dir', '.', ...TZ]);
    const errors = await byHour<{ groups: Array<{ hour: string; count: number }> }>(['errors', 'count']);
    const errorHours = await hoursOf('errors', ['--level', 'ERROR+']);
    assert.deepEqual(wallHours(errors.groups.map((g) => [g.hour, g.count])).sort(), errorHours);
    const latency = await byHour<{ groups: Array<{ group: string; count: number }> }>(['latency']);
    const latencyHours = new Set(wallHours(latency.groups.map((g) => [g.group, g.count])).map(([h]) => h));
    const appHours = new Set((await hoursOf('app', [])).map(([h]) => h));
    assert.ok(
      [...latencyHours].every((h) => appHours.has(h)),
      `${[...latencyHours]} within ${[...appHours]}`,
    );
    const table = await smsmon(['errors', 'count', '--by', 'hour', '--dir', '.', ...TZ]);
    assert.match(table.stdout, /hour \(America\/New_York\)/);
    for (const [hour] of errorHours) assert.ok(table.stdout.includes(`${hour}:00`), hour);
  });

  test('logs search windows in the app zone: the records of a full scan filtered by time', async () => {
    const all = await smsmon(['logs', 'search', 'app', 'errors', '--dir', '.', '--ndjson', ...TZ]);
    const lines = all.stdout.trimEnd().split('\n');
    const times = lines.map((line) => (JSON.parse(line) as { time: string | null }).time);
    const timed = times.filter((t): t is string => t !== null).sort();
    const edges = [0.2, 0.4, 0.5, 0.7, 0.9].map((q) => timed[Math.floor(q * (timed.length - 1))]!);
    const windows: [string, string][] = [
      [edges[0]!, edges[3]!],
      [edges[1]!, edges[2]!],
      [edges[2]!, edges[4]!],
      [edges[4]!, new Date(Date.parse(timed.at(-1)!) + 1).toISOString()],
    ];
    for (const [since, until] of windows) {
      const expected = lines.filter((_, i) => times[i] !== null && times[i]! >= since && times[i]! < until);
      const args = [
        'logs',
        'search',
        'app',
        'errors',
        '--dir',
        '.',
        '--ndjson',
        '--since',
        since,
        '--until',
        until,
      ];
      const seek = await smsmon([...args, ...TZ]);
      assert.deepEqual(seek.stdout.trimEnd().split('\n'), expected, `${since} .. ${until}`);
    }
  });

  test('the zone from SMSMON_TZ alone, and read in the wrong zone: a zero that says why', async () => {
    const base = ['errors', 'count', '--json', '--since', '1h', '--dir', '.'];
    const fromEnv = await json<{ total: number }>(base);
    assert.equal(fromEnv.total, truth.error_records, 'SMSMON_TZ=America/New_York without --tz');
    // New York is 4 or 5 hours behind UTC: read as UTC, the last hour holds none of it.
    const wrong = await smsmon([...base, '--tz', 'UTC']);
    assert.equal((JSON.parse(wrong.stdout) as { total: number }).total, 0);
    assert.match(
      wrong.stderr,
      /errors\.log's newest record is [45]h00m behind its mtime: logs written in UTC-0[45]:00\?/,
    );
  });

  test('latency --exact: count, min, max, mean and nearest-rank percentiles equal the truth', async () => {
    const got = await json<{
      count: number;
      min: number;
      max: number;
      mean: number;
      percentiles: Record<string, number>;
    }>(['latency', '--exact', '--json', '--dir', '.', ...TZ]);
    const values = [...truth.processing_time].sort((a, b) => a - b);
    assert.ok(
      values.length > 20 && truth.other_durations.length > 0,
      'the traffic logs both kinds of duration',
    );
    assert.equal(
      got.count,
      values.length,
      `latency read ${got.count} values, the app logged ${values.length}`,
    );
    assert.equal(got.min, values[0]);
    assert.equal(got.max, values.at(-1));
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    assert.ok(Math.abs(got.mean - mean) < 1e-9, `mean ${got.mean} != ${mean}`);
    for (const p of [50, 90, 95, 99, 99.9])
      assert.equal(got.percentiles[`p${p}`], nearestRank(values, p), `p${p}`);
  });

  let exposition: Promise<Map<string, number>> | undefined;
  const exporter = (): Promise<Map<string, number>> =>
    (exposition ??= (async () => {
      const path = join(app!.dir, 'smsmon.prom');
      const args = [
        'exporter',
        '--textfile',
        path,
        '--no-system',
        '--error-types',
        '500',
        '--dir',
        '.',
        ...TZ,
      ];
      const run = await smsmon(args);
      assert.equal(run.code, 0, run.stderr);
      return parseExposition(readFileSync(path, 'utf8')).samples;
    })());

  test('exporter: records per family and level, and processing_time values, equal the truth', async () => {
    const got = await exporter();
    for (const [family, levels] of Object.entries(truth.levels))
      for (const [level, count] of Object.entries(levels))
        assert.equal(
          got.get(`smsmon_log_records_total{family="${family}",level="${level}"}`),
          count,
          family + level,
        );
    const counted = [...got].filter(([k]) => k.startsWith('smsmon_processing_time_seconds_count'));
    assert.equal(
      counted.reduce((sum, [, v]) => sum + v, 0),
      truth.processing_time.length,
    );
  });

  test("exporter: the SMS counters equal the app's events", async () => {
    const got = await exporter();
    const events = truth.sms_events;
    const sms = (event: string): number | undefined => got.get(`smsmon_sms_events_total{event="${event}"}`);
    const summary = Object.keys(events)
      .map((e) => `${e} ${sms(e)}/${events[e]}`)
      .join(', ');
    assert.equal(
      got.get('sms_requests_total'),
      (events.received ?? 0) + (events.rejected ?? 0),
      `sms_requests_total; events (exporter/truth): ${summary}, other ${sms('other')}`,
    );
    assert.equal(got.get('sms_requests_successful'), events.sent, 'sms_requests_successful');
    for (const [event, count] of Object.entries(events)) assert.equal(sms(event), count, event);
    assert.equal(sms('other'), 0);
  });

  test('exporter: one error-type series per logging statement, summing to the errors', async () => {
    const got = await exporter();
    const series = [...got].filter(([k, v]) => k.startsWith('smsmon_errors_total{') && v > 0);
    assert.equal(
      series.reduce((sum, [, v]) => sum + v, 0),
      truth.error_records,
    );
    const expected = Object.keys(truth.error_groups).length;
    assert.equal(
      series.length,
      expected,
      `exporter: ${series.length} error-type series, ${expected} expected`,
    );
  });

  test("metrics collect --db equals the guide's MetricsCollector on the same database", async () => {
    const [smsmonRun, python] = await Promise.all([
      json<{ metrics: Record<string, number> }>([
        'metrics',
        'collect',
        '--db',
        app!.databaseUrl,
        '--no-system',
        '--no-logs',
        '--json',
      ]),
      app!.manageAsync(['guide_metrics']),
    ]);
    const guide = JSON.parse(python) as Record<string, number>;
    assert.equal(guide.tasks_last_hour, truth.tasks_written, 'the guide counts the tasks the traffic wrote');
    assert.equal(guide.successful_tasks_last_hour, truth.tasks_successful);
    for (const name of [
      'active_users_last_hour',
      'tasks_last_hour',
      'successful_tasks_last_hour',
      'errors_last_hour',
    ])
      assert.equal(smsmonRun.metrics[name], guide[name], name);
    const avg = smsmonRun.metrics.avg_processing_time!;
    assert.ok(
      Math.abs(avg - guide.avg_processing_time!) < 1e-9,
      `avg_processing_time ${avg} != ${guide.avg_processing_time}`,
    );
  });

  test('health against the real /health view: OK, and the services as the view reported them', async () => {
    const run = await smsmon(['health', `${app!.baseUrl}/health`, '--json']);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const got = JSON.parse(run.stdout) as {
      status: string;
      version: string;
      uptime_seconds: number;
      services: { name: string; status: string; response_time: number | null }[];
    };
    const served = (await (await fetch(`${app!.baseUrl}/health/last`)).json()) as {
      status: string;
      version: string;
      uptime: number;
      services: Record<string, { status: string; response_time: number }>;
    };
    assert.deepEqual(
      got.services.map(({ name, status, response_time }) => ({ name, status, response_time })),
      Object.entries(served.services).map(([name, s]) => ({
        name,
        status: s.status,
        response_time: s.response_time,
      })),
    );
    assert.deepEqual(
      [got.status, got.version, got.uptime_seconds],
      [served.status, served.version, served.uptime],
    );
  });
});
