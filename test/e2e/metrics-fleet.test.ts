import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { redisLayout } from '../../src/redis/redisLayout.js';
import { writeSnapshot } from '../../src/redis/snapshotWriter.js';
import { scratchRedis, testSnapshot, WRITE_OPTIONS, type ScratchRedis } from '../kit/redisScratch.js';
import { runSmsmon } from '../kit/runSmsmon.js';

/**
 * `metrics snapshot` on two hosts whose processing times differ (one fast and busy, one slow and
 * quiet), then `metrics show --fleet --json` from the built binary: the fleet's p50/p95 are those of
 * the union of both hosts' values (within the sketch's 1 %), not the mean of the hosts' figures.
 */
const NOW = '2024-01-20T00:30:00Z';
const dir = mkdtempSync(join(tmpdir(), 'smsmon-fleet-'));
let scratch: ScratchRedis;
let config: string;

const fast = Array.from({ length: 2000 }, (_, i) => (10 + (i % 900) / 10) / 1000); // 10 … 99.9 ms
const slow = Array.from({ length: 200 }, (_, i) => 1 + (i % 100) / 100); // 1 … 1.99 s

/** app.log of one host: one request line per value, within the hour before NOW. */
function writeAppLog(host: string, values: readonly number[]): string {
  const logs = join(dir, host);
  mkdirSync(logs, { recursive: true });
  const start = Date.parse(NOW) - 50 * 60_000;
  const lines = values.map((value, i) => {
    const time = new Date(start + i * 1000).toISOString().replace('T', ' ').replace('.', ',').slice(0, 23);
    return `INFO ${time} middleware 2211 140397204399936 GET /sms/ 200 processing_time=${value.toFixed(4)}`;
  });
  writeFileSync(join(logs, 'app.log'), lines.join('\n') + '\n');
  return logs;
}

function nearestRank(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil((p / 100) * sorted.length) - 1]!;
}

before(async () => {
  scratch = await scratchRedis();
  config = join(dir, 'smsmon.config.json');
  writeFileSync(
    config,
    JSON.stringify({
      redis: { url: 'redis://127.0.0.1:6379', prefix: scratch.prefix },
      spool: { path: join(dir, 'spool.ndjson') },
    }),
  );
  for (const [host, values] of [
    ['web-1', fast],
    ['web-2', slow],
  ] as const) {
    const args = [
      'snapshot',
      '--no-system',
      '--no-database',
      '--host',
      host,
      '--dir',
      writeAppLog(host, values),
    ];
    const run = await smsmon([...args, '--quiet']);
    assert.equal(run.code, 0, run.stderr);
  }
});

after(async () => {
  await scratch.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

const smsmon = (args: string[]) =>
  runSmsmon(['--config', config, 'metrics', ...args], { env: { SMSMON_NOW: NOW } });

interface ShowJson {
  [metric: string]: unknown;
  by_host: Record<string, Record<string, number>>;
  notes?: string[];
}

async function showFleet(): Promise<ShowJson> {
  const show = await smsmon(['show', '--fleet', '--json', '--since', '1h']);
  assert.equal(show.code, 0, show.stderr);
  assert.equal(show.stderr, '');
  return JSON.parse(show.stdout) as ShowJson;
}

test('show --fleet --json: p50 and p95 of the union of both hosts, not the mean of theirs', async () => {
  const doc = await showFleet();
  const union = [...fast, ...slow];
  for (const p of [50, 95]) {
    const metric = `processing_time_p${p}`;
    const truth = nearestRank(union, p);
    const fleet = doc[metric] as number;
    assert.ok(Math.abs(fleet - truth) <= 0.01 * truth, `${metric}: ${fleet} vs ${truth}`);
    const mean = (doc.by_host['web-1']![metric]! + doc.by_host['web-2']![metric]!) / 2;
    assert.ok(Math.abs(mean - truth) > 0.2 * truth, `${metric}: the mean ${mean} would have been far off`);
  }
  assert.equal(doc.processing_time_count, 1100, 'other metrics are still the mean of the hosts');
  assert.equal(doc.notes, undefined);
});

test('show --fleet: a host whose snapshot an older smsmon wrote (no sketch) is named, not averaged in', async () => {
  const old = testSnapshot('web-old', Date.parse(NOW), { processing_time_p50: 9, processing_time_p95: 9 });
  await writeSnapshot(scratch.redis, old, redisLayout('host', scratch.prefix), WRITE_OPTIONS);
  const doc = await showFleet();
  const truth = nearestRank([...fast, ...slow], 95);
  assert.ok(Math.abs((doc.processing_time_p95 as number) - truth) <= 0.01 * truth);
  assert.equal(doc.by_host['web-old']!.processing_time_p95, 9);
  assert.deepEqual(doc.notes, [
    'processing_time_p50: merged without web-old, whose latest snapshot holds no sketch (written by an older smsmon)',
    'processing_time_p95: merged without web-old, whose latest snapshot holds no sketch (written by an older smsmon)',
  ]);
  const text = await smsmon(['show', '--fleet', '--since', '1h', 'processing_time_p95']);
  assert.equal(text.code, 0, text.stderr);
  assert.match(text.stdout, /\nnote: processing_time_p95: merged without web-old, /);
});

test('snapshot --json prints the snapshot as before: the stored sketch is not in it', async () => {
  const logs = writeAppLog('web-3', slow);
  const args = ['snapshot', '--json', '--no-system', '--no-database', '--host', 'web-3', '--dir', logs];
  const run = await smsmon(args);
  assert.equal(run.code, 0, run.stderr);
  const { snapshot } = JSON.parse(run.stdout) as { snapshot: Record<string, unknown> };
  assert.deepEqual(Object.keys(snapshot), ['host', 'timestamp', 'metrics', 'details', 'failures']);
  const [member] = await scratch.redis.zrange(`${scratch.prefix}:{web-3}:sketch:processing_time`, '0', '-1');
  assert.match(member!, new RegExp(`^${Date.parse(NOW)}:\\{"accuracy":0\\.01,"count":200,`));
});
