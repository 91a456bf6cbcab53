import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { runSmsmon } from '../kit/runSmsmon.js';
import { Random } from '../kit/random.js';

/**
 * `smsmon latency` against a generated app family whose truth is known: every value is kept as
 * whole microseconds, so the reference percentiles are exact. The corpus mixes every spelling
 * and unit, zeros, a day-long outlier, garbage, tracebacks quoting processing_time, values on a
 * continuation line, non-ASCII bodies, and is spread over app.log.2.gz, app.log.1 and app.log.
 */
const dir = mkdtempSync(join(tmpdir(), 'smsmon-latency-'));
after(() => rmSync(dir, { recursive: true, force: true }));

interface Truth {
  micros: number[];
  byModule: Map<string, number[]>;
  garbage: number;
}

/** The fixture generator's seeded PRNG (mulberry32) as a function: the same corpus on every run. */
const random = (seed: number): (() => number) => {
  const generator = new Random(seed);
  return () => generator.next();
};

const RECORDS = 30_000;

function writeCorpus(): Truth {
  const r = random(42);
  const truth: Truth = { micros: [], byModule: new Map(), garbage: 0 };
  const lines: string[] = [];
  const start = Date.UTC(2024, 0, 20, 8);
  const value = (module: string, micros: number) => {
    truth.micros.push(micros);
    truth.byModule.set(module, [...(truth.byModule.get(module) ?? []), micros]);
  };
  for (let i = 0; i < RECORDS; i++) {
    const time = new Date(start + i * 250).toISOString().replace('T', ' ').replace('.', ',').slice(0, 23);
    const head = (level: string, module: string) => `${level} ${time} ${module} 4242 140245923452672 `;
    const micros = Math.round(-Math.log(1 - r()) * 80_000); // exponential, mean 80 ms
    const kind = r();
    if (kind < 0.3) {
      lines.push(
        head('INFO', 'middleware') + `POST /sms/webhook/ 200 processing_time=${(micros / 1e6).toFixed(6)}`,
      );
      value('middleware', micros);
    } else if (kind < 0.45) {
      const centis = Math.round(micros / 1e4);
      lines.push(
        head('INFO', 'views') +
          `SMS handled for user_id=${i % 500} processing_time: ${(centis / 100).toFixed(2)}s`,
      );
      value('views', centis * 1e4);
    } else if (kind < 0.55) {
      lines.push(head('INFO', 'webhook') + `processing_time ${micros / 1000}ms`);
      value('webhook', micros);
    } else if (kind < 0.6) {
      lines.push(
        head('INFO', 'tasks') + `processing_time=${micros}${r() < 0.5 ? 'us' : 'µs'} for Réponse 👍`,
      );
      value('tasks', micros);
    } else if (kind < 0.61) {
      lines.push(head('INFO', 'middleware') + 'GET /health/ 200 processing_time=0.000');
      value('middleware', 0);
    } else if (kind < 0.6105) {
      lines.push(head('WARNING', 'tasks') + 'nightly export processing_time=86400');
      value('tasks', 86_400_000_000);
    } else if (kind < 0.62) {
      lines.push(head('INFO', 'middleware') + 'POST /sms/webhook/ 200 processing_time=None');
      truth.garbage++;
    } else if (kind < 0.64) {
      lines.push(
        head('ERROR', 'views') + 'Internal Server Error: /sms/webhook/',
        'Traceback (most recent call last):',
        '  File "/app/sms_agent/middleware.py", line 30, in __call__',
        `    log("processing_time=${micros}")`,
        'ValueError: processing_time=9.999',
      );
    } else if (kind < 0.65) {
      lines.push(head('INFO', 'views') + 'Request summary:', `  processing_time=${micros}us`, '  status=200');
      value('views', micros);
    } else {
      lines.push(
        head('INFO', 'views') +
          `Received SMS from +1555${i}: avg_processing_time=5 Ça coûte? processing_time exceeded`,
      );
    }
  }
  const third = Math.floor(lines.length / 3);
  // Rotated files never split a record: cut at header lines.
  const cut = (at: number) => {
    while (!/^[A-Z]+ \d{4}-/.test(lines[at]!)) at++;
    return at;
  };
  const [a, b] = [cut(third), cut(2 * third)];
  writeFileSync(join(dir, 'app.log.2.gz'), gzipSync(lines.slice(0, a).join('\n') + '\n'));
  writeFileSync(join(dir, 'app.log.1'), lines.slice(a, b).join('\n') + '\n');
  writeFileSync(join(dir, 'app.log'), lines.slice(b).join('\n') + '\n');
  return truth;
}

let truth: Truth;
before(() => {
  truth = writeCorpus();
});

const PERCENTILES = ['1', '10', '50', '90', '95', '99', '99.9', '99.99', '100'];

/** Nearest rank on whole microseconds: no floating point in the reference. */
function reference(micros: readonly number[]): Record<string, number> {
  const sorted = [...micros].sort((a, b) => a - b);
  return Object.fromEntries(
    PERCENTILES.map((p) => {
      const [whole, fraction = ''] = p.split('.');
      const scale = 10 ** fraction.length;
      const rank = Math.max(1, Math.ceil((Number(whole + fraction) * sorted.length) / (100 * scale)));
      return [`p${p}`, sorted[rank - 1]! / 1e6];
    }),
  );
}

interface Report {
  count: number;
  min: number;
  mean: number;
  max: number;
  garbage: number;
  accuracy: string;
  percentiles: Record<string, number>;
  groups: Array<{ group: string; count: number; percentiles: Record<string, number> }>;
  histogram: Array<{ from: number; to: number; count: number }>;
  slowest: Array<{ seconds: number; module: string }>;
}

async function latency(...extra: string[]): Promise<Report> {
  const args = ['latency', '--dir', dir, '--json', '--percentiles', PERCENTILES.join(','), ...extra];
  const { stdout, stderr, code } = await runSmsmon(args);
  assert.equal(code, 0, stderr);
  return JSON.parse(stdout) as Report;
}

test('--exact equals the reference computation exactly', async () => {
  const report = await latency('--exact', '--by', 'module', '--histogram', '--slowest', '3');
  const micros = truth.micros;
  assert.equal(report.accuracy, 'exact');
  assert.equal(report.count, micros.length);
  assert.equal(report.garbage, truth.garbage);
  assert.equal(report.min, Math.min(...micros) / 1e6);
  assert.equal(report.max, Math.max(...micros) / 1e6);
  const mean = micros.reduce((sum, m) => sum + m, 0) / micros.length / 1e6;
  assert.ok(Math.abs(report.mean - mean) <= 1e-12 * mean, `${report.mean} vs ${mean}`);
  assert.deepEqual(report.percentiles, reference(micros));
  for (const group of report.groups) {
    const values = truth.byModule.get(group.group)!;
    assert.equal(group.count, values.length, group.group);
    assert.deepEqual(group.percentiles, reference(values), group.group);
  }
  assert.equal(report.groups.length, truth.byModule.size);
  assert.equal(
    report.histogram.reduce((sum, b) => sum + b.count, 0),
    micros.length,
  );
  const top = [...micros]
    .sort((a, b) => b - a)
    .slice(0, 3)
    .map((m) => m / 1e6);
  assert.deepEqual(
    report.slowest.map((s) => s.seconds),
    top,
  );
});

test('the sketch stays within 1 % of the exact value, and the counts are exact', async () => {
  const report = await latency('--by', 'module');
  assert.equal(report.accuracy, 'ddsketch 1%');
  assert.equal(report.count, truth.micros.length);
  const exact = reference(truth.micros);
  for (const [label, value] of Object.entries(report.percentiles)) {
    assert.ok(
      Math.abs(value - exact[label]!) <= 0.01 * exact[label]!,
      `${label}: ${value} vs ${exact[label]}`,
    );
  }
  assert.equal(report.min, Math.min(...truth.micros) / 1e6);
  assert.equal(report.max, Math.max(...truth.micros) / 1e6);
});

test('the keyword scan and the line-by-line path agree', async () => {
  // processing_time=NUMBER (no unit) inside a group: no literal to search for, so every line is parsed.
  const pattern = String.raw`(?<![\w])(?:processing_time)=(?<value>\d+\.\d+)(?![\w.])`;
  const viaLines = await latency('--exact', '--pattern', pattern);
  const viaKeyword = await latency('--exact', '--module', 'middleware');
  const middleware = truth.byModule.get('middleware')!;
  for (const report of [viaLines, viaKeyword]) {
    assert.equal(report.count, middleware.length);
    assert.deepEqual(report.percentiles, reference(middleware));
  }
});

test('--fail-over exits 1 with the reason when a limit is exceeded, 0 when not', async () => {
  const p95 = reference(truth.micros).p95!;
  const over = await runSmsmon([
    'latency',
    '--dir',
    dir,
    '--exact',
    '-q',
    '--fail-over',
    `p95=${p95 * 0.9}s`,
  ]);
  assert.equal(over.code, 1);
  assert.match(over.stderr, /^smsmon: p95 \S+ exceeds --fail-over p95=/m);
  const under = await runSmsmon([
    'latency',
    '--dir',
    dir,
    '--exact',
    '-q',
    '--fail-over',
    `p95=${p95}s,p50=1s`,
  ]);
  assert.equal(under.code, 0, under.stderr);
  assert.equal(under.stderr, '');
});
