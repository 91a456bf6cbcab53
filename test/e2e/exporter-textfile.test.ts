import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { parseExposition, PROCESSING_BOUNDS, promtoolProblems } from '../kit/exporterKit.js';
import { REPO, runSmsmon } from '../kit/runSmsmon.js';

/** `smsmon exporter --textfile` on the sample logs, and the exporter's usage errors. */
const dirs: string[] = [];
after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'smsmon-textfile-e2e-'));
  dirs.push(dir);
  return dir;
}

interface FamilyTruth {
  levels: Record<string, number>;
  errorTypes: Record<string, number>;
  processingTimeValues: number[];
  files: Array<{ name: string; lastTime: string }>;
}

test('--textfile: the whole families once, written atomically, as the manifest counts them', async () => {
  const out = tempDir();
  const path = join(out, 'smsmon.prom');
  writeFileSync(path, 'old\n');
  const before = statSync(path).ino;
  const run = await runSmsmon(['exporter', '--textfile', path, '--dir', 'fixtures/logs']);
  assert.equal(run.code, 0, run.stderr);
  assert.equal(run.stdout, '');
  assert.deepEqual(readdirSync(out), ['smsmon.prom'], 'no temp file left behind');
  assert.notEqual(statSync(path).ino, before, 'replaced by a rename, not rewritten in place');
  const text = readFileSync(path, 'utf8');
  assert.deepEqual(promtoolProblems(text), []);
  const got = parseExposition(text).samples;
  const manifest = JSON.parse(readFileSync(join(REPO, 'fixtures/logs/manifest.json'), 'utf8')) as {
    families: Record<string, FamilyTruth>;
  };
  for (const [family, truth] of Object.entries(manifest.families)) {
    for (const [level, count] of Object.entries(truth.levels))
      assert.equal(
        got.get(`smsmon_log_records_total{family="${family}",level="${level}"}`),
        count,
        `${family} ${level}`,
      );
    const last = truth.files.find((f) => !f.name.match(/\.\d/))!.lastTime;
    const lastMs = Date.parse(`${last.replace(' ', 'T').replace(',', '.')}Z`);
    assert.equal(
      got.get(`smsmon_exporter_lag_seconds{family="${family}"}`),
      (Date.parse('2024-01-20T12:30:00Z') - lastMs) / 1000,
    );
  }
  for (const [type, count] of Object.entries(manifest.families.errors!.errorTypes))
    assert.equal(got.get(`smsmon_errors_total{type="${type.split('.').pop()}"}`), count, type);
  const values = manifest.families.app!.processingTimeValues;
  const sumOver = (le: string): number =>
    [...got]
      .filter(([k]) => k.startsWith('smsmon_processing_time_seconds_bucket') && k.endsWith(`le="${le}"}`))
      .reduce((s, [, v]) => s + v, 0);
  for (const bound of PROCESSING_BOUNDS)
    assert.equal(sumOver(bound), values.filter((v) => v <= Number(bound)).length, `le=${bound}`);
  assert.equal(sumOver('+Inf'), values.length);
  assert.ok(got.has('smsmon_system_cpu_percent'), 'system figures are in the textfile');
});

test('usage and source errors: one line, exit 2 or 3', async () => {
  const bad = await runSmsmon(['exporter', '--listen', 'localhost']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /^smsmon: bad --listen "localhost"; expected host:port/);
  const both = await runSmsmon(['exporter', '--listen', ':9464', '--textfile', '/tmp/x.prom']);
  assert.equal(both.code, 2);
  const missing = await runSmsmon(['exporter', '--dir', '/nonexistent/logs', '--textfile', '/tmp/x.prom']);
  assert.equal(missing.code, 3);
  assert.match(
    missing.stderr,
    /cannot read log directory \/nonexistent\/logs \(from --dir\): no such file or directory/,
  );
  const taken = createServer();
  await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
  try {
    const port = (taken.address() as { port: number }).port;
    const busy = await runSmsmon([
      'exporter',
      '--listen',
      `127.0.0.1:${port}`,
      '--dir',
      'fixtures/logs',
      '--no-system',
    ]);
    assert.equal(busy.code, 2);
    assert.match(busy.stderr, new RegExp(`cannot listen on 127.0.0.1:${port}: address already in use`));
  } finally {
    taken.close();
  }
});
