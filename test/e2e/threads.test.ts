import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCorpus } from '../kit/corpus.js';
import { runSmsmon } from '../kit/runSmsmon.js';

/**
 * --threads splits a family's files among worker threads and merges their results in file
 * order: the output must be byte for byte the one of a single pass, whatever the number of
 * threads, for every grouping, the slowest records, the histogram and the stderr summary.
 */
const dir = mkdtempSync(join(tmpdir(), 'smsmon-threads-'));
after(() => rmSync(dir, { recursive: true, force: true }));

before(async () => {
  await generateCorpus({
    dir,
    records: 40_000,
    seed: 23,
    edgeCases: true,
    gzipFrom: 3,
    maxBytes: { app: 700_000, errors: 250_000, sms: 400_000 },
  });
});

const CASES: Record<string, string[]> = {
  'latency, sketch': ['latency', '--json', '--slowest', '5', '--histogram'],
  'latency --exact --by module': [
    'latency',
    '--exact',
    '--json',
    '--by',
    'module',
    '--percentiles',
    '50,99.9',
  ],
  'latency --by hour, filtered': ['latency', '--ndjson', '--by', 'hour', '--since', '2024-01-20T09:00:00Z'],
  'errors count --by type,hour': ['errors', 'count', '--json', '--by', 'type,hour'],
  'errors count --compare, --fail-on': [
    'errors',
    'count',
    '--json',
    '--until',
    '2024-01-20T12:00:00Z',
    '--compare',
    '2h',
    '--fail-on',
    'RateLimitError',
  ],
  'errors count over app, WARNING+ by template': [
    'errors',
    'count',
    'app',
    '--level',
    'WARNING+',
    '--by',
    'template',
  ],
};

for (const [name, args] of Object.entries(CASES)) {
  test(`--threads 2 and 3 give exactly the output of one pass: ${name}`, async () => {
    const run = (threads: string) => runSmsmon([...args, '--dir', dir, '--threads', threads]);
    const single = await run('1');
    assert.ok(single.stdout.length > 100, `too little output to compare: ${single.stdout}`);
    for (const threads of ['2', '3']) {
      const sharded = await run(threads);
      assert.equal(sharded.code, single.code, `exit code, --threads ${threads}`);
      assert.equal(sharded.stdout, single.stdout, `stdout, --threads ${threads}`);
      assert.equal(sharded.stderr, single.stderr, `stderr, --threads ${threads}`);
    }
  });
}

test('a corrupt file read by a worker thread gives the same one-line error and exit code', async () => {
  const { cpSync, renameSync, writeFileSync } = await import('node:fs');
  const broken = mkdtempSync(join(tmpdir(), 'smsmon-threads-broken-'));
  try {
    cpSync(dir, broken, { recursive: true });
    // The newest rotated file is in the last shard, which a worker thread reads.
    renameSync(join(broken, 'errors.log.1'), join(broken, 'errors.log.1.gz'));
    writeFileSync(join(broken, 'errors.log.1.gz'), 'not gzip at all\n');
    const single = await runSmsmon(['errors', 'count', '--dir', broken, '--threads', '1']);
    const sharded = await runSmsmon(['errors', 'count', '--dir', broken, '--threads', '2']);
    assert.equal(single.code, 3, single.stderr);
    assert.equal(sharded.code, single.code);
    assert.equal(sharded.stderr, single.stderr);
  } finally {
    rmSync(broken, { recursive: true, force: true });
  }
});

test('--threads rejects a bad count', async () => {
  const { code, stderr } = await runSmsmon(['latency', '--dir', dir, '--threads', '0']);
  assert.equal(code, 2);
  assert.match(stderr, /bad --threads "0"/);
});
