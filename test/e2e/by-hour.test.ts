import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asctimeIn } from '../kit/wallClock.js';
import { runSmsmon } from '../kit/runSmsmon.js';

/**
 * `--by hour` is one definition in `errors count` and `latency`: an hour of the log's wall clock,
 * given in JSON and CSV as the UTC instant it starts, shown in tables as the wall clock with the zone
 * in the header. Logs written as Django writes them with TIME_ZONE = America/New_York (a winter day
 * and the night DST ends) and Asia/Kolkata (+05:30: its hours are not UTC hours).
 */
const root = mkdtempSync(join(tmpdir(), 'smsmon-by-hour-'));
after(() => rmSync(root, { recursive: true, force: true }));

/** app.log and errors.log with one ERROR record holding a processing_time per instant. */
function logsWrittenIn(zone: string, instants: readonly string[]): string {
  const dir = mkdtempSync(join(root, `${zone.replace('/', '-')}-`));
  const text = instants
    .map(
      (iso, i) =>
        `ERROR ${asctimeIn(Date.parse(iso), zone)} views 4242 1401 Payment failed processing_time=0.${i + 1}\n`,
    )
    .join('');
  writeFileSync(join(dir, 'errors.log'), text);
  writeFileSync(join(dir, 'app.log'), text);
  return dir;
}

const NEW_YORK_DAY = [
  '2024-01-20T14:50:00Z',
  '2024-01-20T15:10:00Z',
  '2024-01-20T15:40:00Z',
  '2024-01-20T16:05:00Z',
];
// 10:05, 10:55 and 11:05 in Kolkata.
const KOLKATA = ['2024-01-20T04:35:00Z', '2024-01-20T05:25:00Z', '2024-01-20T05:35:00Z'];
// 01:10 and 01:50 EDT, then 01:05 and 01:40 EST (the clock went back), then 02:10 EST.
const DST_END = [
  '2024-11-03T05:10:00Z',
  '2024-11-03T05:50:00Z',
  '2024-11-03T06:05:00Z',
  '2024-11-03T06:40:00Z',
  '2024-11-03T07:10:00Z',
];
const ENV = { env: { SMSMON_TZ: '', SMSMON_CONFIG: '', SMSMON_NOW: '2024-12-01T00:00:00Z' } };

async function hours(
  dir: string,
  tz: string,
): Promise<{ errors: Array<[string, number]>; latency: Array<[string, number]> }> {
  const errors = await runSmsmon(
    ['errors', 'count', '--by', 'hour', '--json', '--dir', dir, '--tz', tz],
    ENV,
  );
  assert.equal(errors.code, 0, errors.stderr);
  const latency = await runSmsmon(
    ['latency', 'app', '--by', 'hour', '--json', '--dir', dir, '--tz', tz],
    ENV,
  );
  assert.equal(latency.code, 0, latency.stderr);
  const errorGroups = (JSON.parse(errors.stdout) as { groups: Array<{ hour: string; count: number }> })
    .groups;
  const latencyGroups = (JSON.parse(latency.stdout) as { groups: Array<{ group: string; count: number }> })
    .groups;
  return {
    errors: errorGroups.map((g): [string, number] => [g.hour, g.count]).sort(),
    latency: latencyGroups.map((g): [string, number] => [g.group, g.count]),
  };
}

test('New York: JSON gives the UTC instant of each wall-clock hour, the same in both commands', async () => {
  const got = await hours(logsWrittenIn('America/New_York', NEW_YORK_DAY), 'America/New_York');
  const expected = [
    ['2024-01-20T14:00:00Z', 1],
    ['2024-01-20T15:00:00Z', 2],
    ['2024-01-20T16:00:00Z', 1],
  ];
  assert.deepEqual(got.errors, expected);
  assert.deepEqual(got.latency, expected);
});

test("Kolkata (+05:30): a bucket is the log's wall-clock hour, starting at :30 UTC", async () => {
  const dir = logsWrittenIn('Asia/Kolkata', KOLKATA);
  const expected = [
    ['2024-01-20T04:30:00Z', 2],
    ['2024-01-20T05:30:00Z', 1],
  ];
  for (const tz of ['Asia/Kolkata', '+05:30']) {
    const got = await hours(dir, tz);
    assert.deepEqual(got.errors, expected, tz);
    assert.deepEqual(got.latency, expected, tz);
  }
});

test('the hour DST repeats is two buckets, each with its own UTC start', async () => {
  const got = await hours(logsWrittenIn('America/New_York', DST_END), 'America/New_York');
  const expected = [
    ['2024-11-03T05:00:00Z', 2],
    ['2024-11-03T06:00:00Z', 2],
    ['2024-11-03T07:00:00Z', 1],
  ];
  assert.deepEqual(got.errors, expected);
  assert.deepEqual(got.latency, expected);
});

test('tables show the wall-clock hour with the zone in the header; CSV keeps the UTC instant', async () => {
  const dir = logsWrittenIn('Asia/Kolkata', KOLKATA);
  for (const command of [
    ['errors', 'count'],
    ['latency', 'app'],
  ]) {
    const table = await runSmsmon([...command, '--by', 'hour', '--dir', dir, '--tz', 'Asia/Kolkata'], ENV);
    assert.equal(table.code, 0, table.stderr);
    assert.match(table.stdout, /hour \(Asia\/Kolkata\)/, command.join(' '));
    assert.match(table.stdout, /^\s*│?\s*2024-01-20 10:00 .*\b2\b/m, table.stdout);
    assert.match(table.stdout, /2024-01-20 11:00 /);
    assert.doesNotMatch(table.stdout, /T04:30/);
    const csv = await runSmsmon(
      [...command, '--by', 'hour', '--csv', '--dir', dir, '--tz', 'Asia/Kolkata'],
      ENV,
    );
    assert.match(csv.stdout, /^2024-01-20T04:30:00Z,2,/m, csv.stdout);
  }
  const repeated = await runSmsmon(
    [
      'errors',
      'count',
      '--by',
      'hour',
      '--dir',
      logsWrittenIn('America/New_York', DST_END),
      '--tz',
      'America/New_York',
    ],
    ENV,
  );
  assert.match(repeated.stdout, /hour \(America\/New_York\)/);
  assert.match(repeated.stdout, /2024-11-03 01:00 -04:00 .*\b2\b/);
  assert.match(repeated.stdout, /2024-11-03 01:00 -05:00 .*\b2\b/);
  assert.match(repeated.stdout, /2024-11-03 02:00 /);
});
