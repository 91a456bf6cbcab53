import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { PLAIN_BODIES } from '../kit/smsBodies.js';
import { ExporterProcess, parseExposition } from '../kit/exporterKit.js';
import { runSmsmon } from '../kit/runSmsmon.js';

/**
 * sms.log in a wording the defaults do not know: the exporter says so (stderr, gauge) instead
 * of a silent 0; doctor lists the statements and proposes sms.events; the proposal pasted into
 * smsmon.config.json makes doctor pass and the exporter's counters equal what was written.
 */
const root = mkdtempSync(join(tmpdir(), 'smsmon-sms-events-'));
const logs = join(root, 'logs');
after(() => rmSync(root, { recursive: true, force: true }));

/** What was written, by the event it is. */
const TRUTH = { received: 20, sent: 15, rejected: 3, failed: 2, delivered: 4 };
const UNKNOWN_TO_DEFAULTS = TRUTH.received + TRUTH.sent + TRUTH.rejected + TRUTH.failed;
const RECORDS = UNKNOWN_TO_DEFAULTS + TRUTH.delivered;

before(() => {
  mkdirSync(logs);
  const messages: string[] = [];
  const phone = (i: number) => `+1555${1_000_000 + i * 7919}`;
  for (let i = 0; i < TRUTH.received; i++)
    messages.push(`Text in from ${phone(i)}: ${PLAIN_BODIES[i % PLAIN_BODIES.length]}`);
  for (let i = 0; i < TRUTH.sent; i++)
    messages.push(`Answer dispatched to ${phone(i)}: ${PLAIN_BODIES[(i + 3) % PLAIN_BODIES.length]}`);
  for (let i = 0; i < TRUTH.rejected; i++)
    messages.push(`Refused text from ${phone(i)}, sender not on allow list`);
  for (let i = 0; i < TRUTH.failed; i++)
    messages.push(`Could not deliver answer to ${phone(i)} after 3 attempts`);
  for (let i = 0; i < TRUTH.delivered; i++)
    messages.push(`Delivery status SM${i.toString(16).padStart(32, '0')} delivered`); // a default wording
  // Interleaved as an app writes them, one record a second, in the guide's JSON format.
  const order = messages.map((m, i) => [(i * 37) % messages.length, m] as const).sort(([a], [b]) => a - b);
  const text = order
    .map(([, message], i) => {
      const time = new Date(Date.UTC(2024, 0, 20, 12, 0, i))
        .toISOString()
        .replace('T', ' ')
        .replace('.', ',');
      return `{"level": "INFO", "time": "${time.slice(0, 23)}", "module": "views", "message": "${message}"}\n`;
    })
    .join('');
  writeFileSync(join(logs, 'sms.log'), text);
});

const RATIO = `${UNKNOWN_TO_DEFAULTS} of ${RECORDS} sms.log records (${Math.round((UNKNOWN_TO_DEFAULTS / RECORDS) * 100)} %) match no sms.events pattern`;

async function textfile(cwd: string): Promise<{ samples: Map<string, number>; stderr: string }> {
  const out = join(cwd, 'smsmon.prom');
  const run = await runSmsmon(['exporter', '--textfile', out, '--dir', logs, '--no-system'], { cwd });
  assert.equal(run.code, 0, run.stderr);
  return { samples: parseExposition(readFileSync(out, 'utf8')).samples, stderr: run.stderr };
}

function workDir(name: string, config?: unknown): string {
  const dir = join(root, name);
  mkdirSync(dir);
  if (config !== undefined) writeFileSync(join(dir, 'smsmon.config.json'), JSON.stringify(config));
  return dir;
}

test('defaults on an unknown wording: requests 0, but said once on stderr and in the gauge', async () => {
  const { samples, stderr } = await textfile(workDir('defaults'));
  assert.equal(samples.get('sms_requests_total'), 0);
  assert.equal(samples.get('sms_requests_successful'), 0);
  assert.equal(samples.get('smsmon_sms_events_total{event="other"}'), UNKNOWN_TO_DEFAULTS);
  assert.equal(samples.get('smsmon_sms_events_total{event="delivered"}'), TRUTH.delivered);
  assert.equal(samples.get('smsmon_sms_unclassified_ratio'), UNKNOWN_TO_DEFAULTS / RECORDS);
  assert.equal(
    stderr,
    `smsmon: ${RATIO} (counted as event="other"): \`smsmon doctor\` lists them and proposes sms.events\n`,
  );
});

test('following: the line once, however many scrapes', { timeout: 30_000 }, async () => {
  const exporter = new ExporterProcess(['--dir', logs, '--from-start']);
  try {
    await exporter.url;
    const deadline = Date.now() + 20_000;
    let got = parseExposition(await exporter.scrape()).samples;
    while (
      got.get('smsmon_sms_events_total{event="other"}') !== UNKNOWN_TO_DEFAULTS &&
      Date.now() < deadline
    ) {
      await sleep(100);
      got = parseExposition(await exporter.scrape()).samples;
    }
    await exporter.scrape();
    assert.equal(got.get('smsmon_sms_unclassified_ratio'), UNKNOWN_TO_DEFAULTS / RECORDS);
    // Judged at the first scrape that found most records unclassified, on what was read by then.
    assert.equal(exporter.stderr.split('match no sms.events pattern').length - 1, 1, exporter.stderr);
  } finally {
    await exporter.stop();
  }
});

test('a hand-written sms.events config: the counters equal what was written, nothing said', async () => {
  const config = {
    sms: {
      events: {
        received: ['^text in from'],
        rejected: ['^refused text from'],
        sent: ['^answer dispatched to'],
        failed: ['^could not deliver'],
      },
    },
  };
  const { samples, stderr } = await textfile(workDir('configured', config));
  assert.equal(stderr, '');
  assertTruth(samples);
});

function assertTruth(samples: Map<string, number>): void {
  assert.equal(samples.get('sms_requests_total'), TRUTH.received + TRUTH.rejected);
  assert.equal(samples.get('sms_requests_successful'), TRUTH.sent);
  assert.equal(samples.get('sms_requests_successful_total'), TRUTH.sent);
  for (const [event, count] of Object.entries(TRUTH))
    assert.equal(samples.get(`smsmon_sms_events_total{event="${event}"}`), count, event);
  assert.equal(samples.get('smsmon_sms_events_total{event="other"}'), 0);
  assert.equal(samples.get('smsmon_sms_unclassified_ratio'), 0);
}

interface Check {
  name: string;
  status: string;
  detail: string;
  more?: string[];
}

async function smsCheck(cwd: string, json: boolean, dir = logs): Promise<{ check?: Check; stdout: string }> {
  const args = ['doctor', '--dir', dir, '--timeout', '1s', '--health-url', 'http://127.0.0.1:9/health'];
  const run = await runSmsmon(json ? [...args, '--json'] : args, { cwd });
  if (!json) return { stdout: run.stdout };
  const report = JSON.parse(run.stdout) as { checks: Check[] };
  return { check: report.checks.find((c) => c.name === 'sms-events'), stdout: run.stdout };
}

test('doctor: WARN with the statements and a snippet; pasted, doctor passes and the exporter counts right', async () => {
  const dir = workDir('doctor');
  const { stdout } = await smsCheck(dir, false);
  assert.match(
    stdout,
    new RegExp(`^WARN  sms-events +${RATIO.replace(/[().]/g, '\\$&')}; the most frequent:$`, 'm'),
  );
  assert.match(stdout, /^ +20 {2}Text in from \S+ +→ received$/m);
  assert.match(stdout, /^ +15 {2}Answer dispatched to \S+ +→ sent$/m);
  assert.match(stdout, /^ +3 {2}Refused text from .* +→ rejected$/m);
  assert.match(stdout, /^ +2 {2}Could not deliver answer to .* +→ failed$/m);

  const { check } = await smsCheck(dir, true);
  assert.equal(check?.status, 'warn');
  const more = check.more ?? [];
  const snippet = more.slice(more.findIndex((line) => line.trim() === '{')).join('\n');
  for (const line of snippet.split('\n')) assert.ok(stdout.includes(line), `the text output shows ${line}`);
  writeFileSync(join(dir, 'smsmon.config.json'), snippet);

  const again = await smsCheck(dir, true);
  assert.equal(again.check?.status, 'pass', again.stdout);
  assert.equal(
    again.check?.detail,
    `${RECORDS} newest sms.log records: received 20, rejected 3, sent 15, failed 2, delivered 4`,
  );
  assertTruth((await textfile(dir)).samples);
});

test('doctor: an sms.log in another format than the json one is a WARN, not "nothing to classify"', async () => {
  const dir = workDir('verbose');
  const verbose = join(dir, 'logs');
  mkdirSync(verbose);
  writeFileSync(
    join(verbose, 'sms.log'),
    'INFO 2024-01-20 12:00:00,000 views 1 2 SMS received from +15550000000: hi\n',
  );
  const { check } = await smsCheck(dir, true, verbose);
  assert.equal(check?.status, 'warn');
  assert.match(check.detail, /none of the newest 1 sms\.log lines is a record of the guide's json format/);
});
