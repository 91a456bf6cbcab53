import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  asctime,
  ExporterProcess,
  parseExposition,
  promtoolProblems,
  RotatingLog,
} from '../kit/exporterKit.js';
import { differences, sms, Tally, traceback, verbose, writeOne } from '../kit/exporterWriter.js';

const dirs: string[] = [];
after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'smsmon-exporter-e2e-'));
  dirs.push(dir);
  return dir;
}

test(
  'counters match the events written while every family rotates, never going down; promtool accepts',
  { timeout: 120_000 },
  async (t) => {
    const dir = tempDir();
    // Written before the exporter starts: not counted. The unfinished last line is, once completed.
    writeFileSync(join(dir, 'sms.log'), sms('INFO', 'views', 'Incoming SMS from +15550000000: before'));
    writeFileSync(
      join(dir, 'errors.log'),
      verbose('ERROR', 'log', 'before') + traceback('ValueError: before'),
    );
    writeFileSync(
      join(dir, 'app.log'),
      verbose('INFO', 'middleware', 'GET / 200 processing_time=9') +
        `INFO ${asctime()} middleware 1 2 GET / 200 processing_time=0.0`,
    );
    const tally = new Tally();
    const exporter = new ExporterProcess(['--dir', dir]);
    const logs = {
      app: new RotatingLog(join(dir, 'app.log'), 5),
      errors: new RotatingLog(join(dir, 'errors.log'), 5),
      sms: new RotatingLog(join(dir, 'sms.log'), 5),
    };
    try {
      const url = await exporter.url;
      logs.app.write('07\n');
      tally.record('app', 'INFO');
      tally.processingTime(0.007);
      for (const family of ['app', 'errors', 'sms'])
        tally.add(`smsmon_parse_failures_total{family="${family}",reason="unparsed"}`, 0);
      tally.add('smsmon_parse_failures_total{family="app",reason="processing_time"}', 0);

      let previous = parseExposition(await exporter.scrape());
      const monotonic = async (): Promise<Map<string, number>> => {
        const now = parseExposition(await exporter.scrape());
        for (const [key, value] of previous.samples) {
          assert.ok(now.samples.has(key), `${key} disappeared`);
          const name = key.replace(/\{.*$/, '').replace(/_(bucket|count|sum)$/, '');
          if (previous.counters.has(name) || name === 'sms_requests_successful')
            assert.ok(now.samples.get(key)! >= value, `${key} went down: ${value} → ${now.samples.get(key)}`);
        }
        previous = now;
        return now.samples;
      };

      let i = 0;
      for (let round = 0; round < 12; round++) {
        for (let tick = 0; tick < 30; tick++) {
          writeOne(i++, logs, tally);
          if (tick % 3 === 0) writeOne(i++, logs, tally);
          if (tick === 10) logs.app.rotate();
          if (tick === 20) logs.sms.rotate();
          if (tick === 25 && round % 2 === 0) logs.errors.rotate();
          if (tick % 10 === 5) await monotonic();
          await sleep(5);
        }
      }
      const deadline = Date.now() + 30_000;
      let got = await monotonic();
      while (differences(tally.want, got).length > 0 && Date.now() < deadline) {
        await sleep(100);
        got = await monotonic();
      }
      await sleep(1000); // a line counted twice would show up now
      const text = await exporter.scrape();
      got = await monotonic();
      t.diagnostic(
        `${i} records per family; rotations app ${logs.app.rotations}, sms ${logs.sms.rotations}, errors ${logs.errors.rotations}; sms_requests_total ${got.get('sms_requests_total')}`,
      );
      assert.deepEqual(differences(tally.want, got), []);
      for (const family of ['app', 'errors', 'sms']) {
        const lag = got.get(`smsmon_exporter_lag_seconds{family="${family}"}`)!;
        assert.ok(lag >= 0 && lag < 60, `lag of ${family}: ${lag}`);
      }
      assert.deepEqual(promtoolProblems(text), []);

      assert.equal((await fetch(new URL('/', url))).status, 404);
      assert.equal((await fetch(url, { method: 'POST' })).status, 405);
      assert.equal(await exporter.stop(), 0);
    } finally {
      Object.values(logs).forEach((log) => log.close());
      await exporter.stop();
    }
  },
);

test('--from-start counts what the live files already hold', { timeout: 30_000 }, async () => {
  const dir = tempDir();
  const lines = Array.from({ length: 7 }, (_, i) =>
    sms('INFO', 'views', `Incoming SMS from +1555${i}: hi`),
  ).join('');
  writeFileSync(join(dir, 'sms.log'), lines);
  writeFileSync(join(dir, 'sms.log.1'), sms('INFO', 'views', 'Incoming SMS from +15550000000: older file'));
  const exporter = new ExporterProcess(['--dir', dir, '--from-start']);
  try {
    await exporter.url;
    const deadline = Date.now() + 20_000;
    let got = parseExposition(await exporter.scrape()).samples;
    while (got.get('sms_requests_total') !== 7 && Date.now() < deadline) {
      await sleep(100);
      got = parseExposition(await exporter.scrape()).samples;
    }
    await sleep(500);
    assert.equal(parseExposition(await exporter.scrape()).samples.get('sms_requests_total'), 7);
  } finally {
    await exporter.stop();
  }
});
