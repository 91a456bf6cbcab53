import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { generateCorpus, type Manifest } from '../kit/corpus.js';
import { runSmsmon } from '../kit/runSmsmon.js';

/**
 * --since/--until seek into plain files and stop past the window: every command must print what
 * a scan that reads every record and filters by time prints. The reference for `logs search` is
 * the whole family filtered here; for `errors count` and `latency`, the family's bytes on stdin,
 * which is never seeked.
 */
const dir = mkdtempSync(join(tmpdir(), 'smsmon-seek-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let manifest: Manifest;

before(async () => {
  manifest = await generateCorpus({
    dir,
    records: 40_000,
    seed: 23,
    edgeCases: true,
    gzipFrom: 3,
    stepMs: 2000,
    maxBytes: { app: 700_000, errors: 250_000, sms: 400_000 },
  });
});

const at = (iso: string): number => Date.parse(iso);

/** Windows over the corpus (2024-01-20 from midnight, about 11 hours): edges in plain and .gz files. */
const WINDOWS: [string | undefined, string | undefined][] = [
  ['2024-01-20T08:00:00Z', '2024-01-20T09:00:00Z'],
  ['2024-01-20T01:10:07Z', '2024-01-20T02:55:13Z'], // in the .gz siblings
  ['2024-01-20T03:59:59.5Z', '2024-01-20T07:00:00.25Z'], // from a .gz into plain files
  ['2024-01-20T10:00:00Z', undefined],
  [undefined, '2024-01-20T00:30:00Z'],
  ['2024-01-19T00:00:00Z', '2024-01-19T01:00:00Z'], // before the first record
  ['2024-01-25T00:00:00Z', '2024-01-25T01:00:00Z'], // after the last
  ['2024-01-20T06:00:00Z', '2024-01-20T06:00:00.001Z'], // empty
];

const windowArgs = ([since, until]: (typeof WINDOWS)[number]): string[] => [
  ...(since ? ['--since', since] : []),
  ...(until ? ['--until', until] : []),
];

function inWindow(time: string | null, [since, until]: (typeof WINDOWS)[number]): boolean {
  if (time === null) return false;
  const t = at(time);
  return (since === undefined || t >= at(since)) && (until === undefined || t < at(until));
}

test('logs search with a window prints the records, line numbers included, of a full scan filtered by time', async () => {
  const full = await runSmsmon(['logs', 'search', 'app', 'errors', 'sms', '--dir', dir, '--ndjson']);
  assert.equal(full.code, 0, full.stderr);
  const lines = full.stdout.trimEnd().split('\n');
  for (const window of WINDOWS) {
    const expected = lines.filter((line) =>
      inWindow((JSON.parse(line) as { time: string | null }).time, window),
    );
    const seek = await runSmsmon([
      'logs',
      'search',
      'app',
      'errors',
      'sms',
      '--dir',
      dir,
      '--ndjson',
      ...windowArgs(window),
    ]);
    assert.equal(seek.code, expected.length > 0 ? 0 : 1, seek.stderr);
    assert.deepEqual(seek.stdout === '' ? [] : seek.stdout.trimEnd().split('\n'), expected, String(window));
  }
});

/** The family's files, oldest first, decompressed and concatenated: what stdin gives a scan. */
function familyText(family: 'app' | 'errors'): string {
  const files = manifest.families[family].files.map((f) => f.name).reverse();
  return files
    .map((name) => {
      const bytes = readFileSync(join(dir, name));
      return (name.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
    })
    .join('');
}

test('errors count (with --compare too) and latency with a window, in one thread or two, count what a full read counts', async () => {
  const commands: [string[], 'app' | 'errors'][] = [
    [['errors', 'count', '--json', '--by', 'type,hour'], 'errors'],
    [['latency', '--json', '--histogram'], 'app'],
    [['errors', 'count', '--json', '--compare', '1h'], 'errors'],
  ];
  for (const [command, family] of commands) {
    const stdin = familyText(family);
    for (const window of WINDOWS) {
      const args = [...command, ...windowArgs(window)];
      const reference = await runSmsmon([...args, '--format', FORMAT, '-'], { stdin });
      for (const threads of ['1', '2']) {
        const seek = await runSmsmon([...args, family, '--dir', dir, '--threads', threads]);
        assert.equal(seek.stdout, reference.stdout, `${args.join(' ')} --threads ${threads}`);
        assert.equal(seek.code, reference.code);
      }
    }
  }
});

const FORMAT = '{levelname} {asctime} {module} {process:d} {thread:d} {message}';

test('a window in older files does not open the newer ones', async () => {
  // A family file that is a FIFO is reported (exit 3) by any scan that reaches it.
  const copy = mkdtempSync(join(tmpdir(), 'smsmon-seek-fifo-'));
  try {
    cpSync(dir, copy, { recursive: true });
    rmSync(join(copy, 'app.log'));
    execFileSync('mkfifo', [join(copy, 'app.log')]);
    const inGz = ['logs', 'search', 'app', '--dir', copy, '--raw', ...windowArgs(WINDOWS[1]!)];
    const early = await runSmsmon(inGz);
    assert.equal(early.code, 0, early.stderr);
    assert.equal(early.stderr, '');
    const whole = await runSmsmon(['logs', 'search', 'app', '--dir', copy, '--raw']);
    assert.equal(whole.code, 3, 'a full scan reaches the FIFO');
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
});
