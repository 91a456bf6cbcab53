import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, openSync, closeSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateCorpus } from '../kit/corpus.js';
import { BIN, REPO } from '../kit/runSmsmon.js';

/**
 * Peak RSS does not grow with the input: the same command over a family and over one four times
 * its size peaks within a few MB, and under the 100 MB bound. Output goes to /dev/null, as a
 * script's redirect would: the scan runs as fast as it can, so nothing waits on a slow reader.
 */
const dir = mkdtempSync(join(tmpdir(), 'smsmon-rss-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Logging calls of the smaller corpus; the larger one has four times as many. */
const EVENTS = 75_000;
const BOUND_KIB = (100 * 1000 ** 2) / 1024;
/** What peak RSS may gain from one corpus to the other: allocator and GC timing noise, not records. */
const GROWTH_KIB = 6 * 1024;

/** Writes the child's peak RSS (KiB, getrusage) to stderr as it exits. */
const HOOK = join(dir, 'peak-rss.mjs');

before(async () => {
  writeFileSync(
    HOOK,
    "import { writeSync } from 'node:fs';\n" +
      "process.on('exit', () => writeSync(2, `peak-rss ${process.resourceUsage().maxRSS}\\n`));\n",
  );
  // A size that keeps every record (no file rotated away), so the larger corpus is 4× the bytes.
  const maxBytes = { app: 16 * 1024 * 1024, errors: 16 * 1024 * 1024, sms: 16 * 1024 * 1024 };
  await generateCorpus({ dir: join(dir, 'n'), records: EVENTS, seed: 5, maxBytes });
  await generateCorpus({ dir: join(dir, '4n'), records: 4 * EVENTS, seed: 5, maxBytes });
});

/** Runs smsmon with stdout on /dev/null; its exit code and peak RSS in KiB. */
function peakRss(args: readonly string[]): Promise<{ code: number | null; kib: number; stderr: string }> {
  const devNull = openSync('/dev/null', 'w');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', pathToFileURL(HOOK).href, BIN, ...args], {
      cwd: REPO,
      stdio: ['ignore', devNull, 'pipe'],
      env: {
        ...process.env,
        FORCE_COLOR: undefined,
        NO_COLOR: '1',
        TZ: 'UTC',
        SMSMON_NOW: '2024-01-21T00:00:00Z',
      },
    });
    closeSync(devNull);
    const errors = child.stderr;
    if (!errors) throw new Error('no stderr pipe');
    let stderr = '';
    errors.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const kib = Number(/^peak-rss (\d+)$/m.exec(stderr)?.[1]);
      resolve({ code, kib, stderr });
    });
  });
}

/**
 * The lowest peak of three runs (each checked to succeed): one run's peak moves by a few MB with
 * when the GC happens to run on a loaded machine, which says nothing about the input's size.
 */
async function lowestPeakRss(args: readonly string[]): Promise<{ kib: number }> {
  let kib = Infinity;
  for (let i = 0; i < 3; i++) {
    const run = await peakRss(args);
    assert.equal(run.code, 0, run.stderr);
    assert.ok(run.kib > 0, run.stderr);
    kib = Math.min(kib, run.kib);
  }
  return { kib };
}

for (const args of [
  ['logs', 'search', '--raw'],
  // A regex without a literal: every record is built and tested.
  ['logs', 'search', '--grep', String.raw`\d+ms\b`],
]) {
  test(`${args.join(' ')}: peak RSS does not grow with the input`, async (t) => {
    const small = await lowestPeakRss([...args, '--dir', join(dir, 'n')]);
    const large = await lowestPeakRss([...args, '--dir', join(dir, '4n')]);
    const mib = (kib: number) => (kib / 1024).toFixed(1);
    t.diagnostic(`peak RSS ${mib(small.kib)} MiB, 4×: ${mib(large.kib)} MiB`);
    assert.ok(
      large.kib - small.kib <= GROWTH_KIB,
      `peak RSS ${mib(small.kib)} MiB over ${EVENTS} events, ${mib(large.kib)} MiB over 4×`,
    );
    assert.ok(large.kib <= BOUND_KIB, `peak RSS ${mib(large.kib)} MiB over ${4 * EVENTS} events`);
  });
}
