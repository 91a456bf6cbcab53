import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { parseExposition } from '../kit/exporterKit.js';
import { healthBed } from '../kit/healthBed.js';
import { runSmsmon } from '../kit/runSmsmon.js';

/**
 * `smsmon health` as a Nagios plugin, end to end: the built binary against a real HTTP server on
 * 127.0.0.1 (test/kit/healthServer.ts). The status line is read as Nagios and its graphers read it:
 * text, `|`, then performance data `'label'=value[UOM];[warn];[crit];[min];[max]`.
 */
const bed = healthBed();
const { health } = bed;

const LABEL = String.raw`('(?:[^']|'')+'|[^ =']+)`;
const DATUM = String.raw`${LABEL}=[-0-9.]+[a-zA-Z%]*(;[-0-9.]*){0,4}`;
/** A plugin line with performance data, the guidelines' grammar. */
const NAGIOS_LINE = new RegExp(String.raw`^([^|]*)\|(\s*${DATUM})+$`);

interface Datum {
  value: number;
  uom: string;
  warn: string;
  crit: string;
  min: string;
}

/** The first line split as a Nagios grapher would: the text, then each datum by its label. */
function parsePluginLine(stdout: string): { text: string; data: Map<string, Datum> } {
  const line = stdout.split('\n', 1)[0]!;
  assert.match(line, NAGIOS_LINE);
  const bar = line.indexOf('|');
  const data = new Map<string, Datum>();
  for (const match of line.slice(bar + 1).matchAll(new RegExp(DATUM, 'g'))) {
    const [label, rest] = [match[1]!, match[0].slice(match[1]!.length + 1)];
    const [valueUom = '', warn = '', crit = '', min = ''] = rest.split(';');
    const [, value, uom] = /^([-0-9.]+)(.*)$/.exec(valueUom)!;
    data.set(label, { value: Number(value), uom: uom!, warn, crit, min });
  }
  return { text: line.slice(0, bar).trim(), data };
}

test("the guide's body: the status line carries time and each service's response time as perfdata", async () => {
  const { stdout, code } = await health([`${bed.server.base}/healthy`, '-w', '1', '-c', '5']);
  assert.equal(code, 0);
  const { text, data } = parsePluginLine(stdout);
  assert.equal(text, 'HEALTH OK - healthy (4 services)');
  assert.deepEqual([...data.keys()], ['time', 'database', 'redis'], 'openai and twilio report no time');
  const time = data.get('time')!;
  assert.ok(time.value >= 0 && time.value < 5, `time ${time.value}`);
  assert.deepEqual({ ...time, value: 0 }, { value: 0, uom: 's', warn: '1', crit: '5', min: '0' });
  assert.deepEqual(data.get('database'), { value: 0.023, uom: 's', warn: '1', crit: '5', min: '0' });
  assert.deepEqual(data.get('redis'), { value: 0.001, uom: 's', warn: '1', crit: '5', min: '0' });
  // Without -w/-c: health.warnMs (1 s) as warn, no crit.
  const plain = parsePluginLine((await health([`${bed.server.base}/healthy`])).stdout);
  assert.deepEqual([plain.data.get('database')!.warn, plain.data.get('database')!.crit], ['1', '']);
});

test('-w 0.001 -c 10 against a slow server: WARNING (1); -c 0.001: CRITICAL (2); -t bounds the attempt', async () => {
  const slow = `${bed.server.base}/slow-answer/300`;
  const warned = await health([slow, '-w', '0.001', '-c', '10']);
  assert.equal(warned.code, 1, warned.stdout + warned.stderr);
  const warnLine = parsePluginLine(warned.stdout);
  // The database's 23 ms is over 1 ms too; redis's 1 ms is not over it.
  assert.equal(warnLine.text, 'HEALTH WARNING - services.database slower than 1 ms; answer slower than 1 ms');
  const time = warnLine.data.get('time')!;
  assert.ok(time.value >= 0.3, `time ${time.value} s for a 300 ms answer`);
  assert.deepEqual([time.warn, time.crit], ['0.001', '10']);

  const critical = await health([slow, '--critical', '0.001']);
  assert.equal(critical.code, 2, critical.stdout + critical.stderr);
  assert.equal(
    parsePluginLine(critical.stdout).text,
    'HEALTH CRITICAL - services.database slower than 1 ms; answer slower than 1 ms',
  );

  const fine = await health([slow, '--warning', '10', '-c', '20', '-t', '5s']);
  assert.equal(fine.code, 0, fine.stdout + fine.stderr);

  const timedOut = await health([`${bed.server.base}/slow-answer/5000`, '-t', '200ms']);
  assert.equal(timedOut.code, 2);
  assert.equal(
    timedOut.stdout.split('\n', 1)[0],
    'HEALTH CRITICAL - timeout after 0.2 s',
    'no answer, no perfdata',
  );
});

test('--warn-ms still works (deprecated, milliseconds) but is gone from --help; -w, -c, -t are there', async () => {
  const old = await health([`${bed.server.base}/slow-answer/300`, '--warn-ms', '1']);
  assert.equal(old.code, 1);
  assert.equal(
    parsePluginLine(old.stdout).text,
    'HEALTH WARNING - services.database slower than 1 ms; answer slower than 1 ms',
  );
  const help = (await health(['--help'])).stdout;
  assert.doesNotMatch(help, /--warn-ms/);
  for (const flag of ['-w, --warning <seconds>', '-c, --critical <seconds>', '-t, --timeout <duration>'])
    assert.ok(help.includes(flag), `${flag} in\n${help}`);
});

test('usage errors of the new options are UNKNOWN (3), one line on stderr', async () => {
  const url = `${bed.server.base}/healthy`;
  const cases: Array<[string[], RegExp]> = [
    [[url, '-w', 'soon'], /^smsmon: bad --warning "soon"; expected a duration/],
    [[url, '-c', '-1'], /^smsmon: bad --critical "-1"; expected a duration/],
    [[url, '-c'], /option '-c, --critical <seconds>' argument missing/],
    [[url, '-t', 'soon'], /^smsmon: bad --timeout "soon"/],
    [
      [url, '-w', '1', '--warn-ms', '500'],
      /option '--warn-ms <ms>' cannot be used with option '-w, --warning/,
    ],
  ];
  for (const [args, message] of cases) {
    const { stderr, stdout, code } = await health(args);
    assert.equal(code, 3, `${args.join(' ')}: ${stderr}`);
    assert.match(stderr, message);
    assert.equal(stdout, '');
  }
});

test('service names a label cannot hold as they are: quoted, quotes doubled, = and | replaced', async () => {
  const { stdout, code } = await health([`${bed.server.base}/odd-names`]);
  assert.equal(code, 0, stdout);
  const { data } = parsePluginLine(stdout);
  assert.deepEqual([...data.keys()], ['time', 'database', 'redis', "'twilio sms'", "'o''reilly'", 'a_b_c']);
  assert.equal(data.get("'o''reilly'")!.value, 0.3);
});

const dir = mkdtempSync(join(tmpdir(), 'smsmon-nagios-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('"ok" and "up" are healthy alike in health, alerts check and the exporter', async () => {
  const url = `${bed.server.base}/ok-statuses`;
  const checked = await health([url]);
  assert.equal(checked.code, 0, checked.stdout);
  assert.equal(parsePluginLine(checked.stdout).text, 'HEALTH OK - ok (4 services)');

  const config = join(dir, 'smsmon.config.json');
  writeFileSync(
    config,
    JSON.stringify({
      logDir: 'fixtures/logs',
      redis: { url: 'redis://127.0.0.1:6379', prefix: bed.scratch.prefix },
      health: { url, timeout: '2s' },
    }),
  );
  const env = { SMSMON_CONFIG: '', SMSMON_HEALTH_URL: '', REDIS_URL: '', DATABASE_URL: '' };
  const alerts = await runSmsmon(
    ['--config', config, 'alerts', 'check', '--json', '--no-system', '--no-database'],
    { env },
  );
  const doc = JSON.parse(alerts.stdout) as { alerts: Array<{ key: string }>; health: { state: string } };
  assert.equal(doc.health.state, 'ok', alerts.stdout);
  assert.deepEqual(
    doc.alerts.filter((alert) => alert.key.startsWith('health')),
    [],
    'no health alert (the sample logs may fire others)',
  );

  const textfile = join(dir, 'smsmon.prom');
  const exporter = await runSmsmon(['--config', config, 'exporter', '--textfile', textfile, '--no-system'], {
    env,
  });
  assert.equal(exporter.code, 0, exporter.stderr);
  const samples = parseExposition(readFileSync(textfile, 'utf8')).samples;
  assert.equal(samples.get('smsmon_health_app_up'), 1);
  for (const service of ['database', 'redis', 'openai', 'twilio'])
    assert.equal(samples.get(`smsmon_health_up{service="${service}"}`), 1, service);
});
