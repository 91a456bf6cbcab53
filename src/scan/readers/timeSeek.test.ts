import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { wallClockIn } from '../../core/timeZone.js';
import { VERBOSE_FORMAT } from '../../core/families.js';
import type { LogRecord } from '../../core/record.js';
import { sourceFor } from '../../sources/logSource.js';
import type { LogInput } from '../../sources/resolveInputs.js';
import { Random } from '../../../test/kit/random.js';
import { recordsOfInput, type ParseOptions } from './inputRecords.js';
import type { TimeWindow } from './timeSeek.js';
import { filesInWindow } from './windowFiles.js';

const dir = mkdtempSync(join(tmpdir(), 'smsmon-seek-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const T0 = Date.UTC(2024, 0, 20, 0, 0, 0);
const SECOND = 1000;
const HOUR = 3600 * SECOND;

function asctime(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').replace('Z', '').replace('.', ',');
}

const header = (ms: number, level: string, text: string): string =>
  `${level} ${asctime(ms)} views 41 7 ${text}\n`;

interface Family {
  input: LogInput;
  /** Every record's time, in file order, for windows picked at the edges. */
  times: number[];
  /** Times of records with a traceback: a window edge there lands inside one. */
  tracebackTimes: number[];
  sizes: number[];
}

/**
 * A rotated family of `files` files (the oldest gzipped), records ~7 s apart written up to 8 s out
 * of order (workers), with tracebacks, lines longer than a probe block, a forged header inside a
 * traceback, a header-like line whose date does not exist, and lines before the first header;
 * `crlf`: every line ends in "\r\n".
 */
function writeFamily(
  name: string,
  seed: number,
  files = 3,
  perFile = 900,
  spacing = 7 * SECOND,
  pad = 0,
  crlf = false,
): Family {
  const random = new Random(seed);
  const times: number[] = [];
  const tracebackTimes: number[] = [];
  const texts: string[] = [];
  let n = 0;
  for (let f = 0; f < files; f++) {
    let text = f === 0 ? 'stray line before any header\n' : '';
    for (let i = 0; i < perFile; i++, n++) {
      const time = T0 + n * spacing + random.int(-4000, 4000);
      times.push(time);
      const level = random.int(0, 9) === 0 ? 'ERROR' : 'INFO';
      const long = random.int(0, 300) === 0 ? 'x'.repeat(150 * 1024) : '';
      text += header(time, level, `m${n} ${long}${'p'.repeat(pad)}`);
      if (random.int(0, 6) === 0) {
        tracebackTimes.push(time);
        text += 'Traceback (most recent call last):\n  File "views.py", line 3, in post\n';
        if (random.int(0, 40) === 0) text += `    ${'y'.repeat(100 * 1024)}\n`;
        // A forged header in a message: far ahead of its neighbours, judged injected.
        if (random.int(0, 25) === 0) text += header(time + 30 * 24 * HOUR, 'INFO', 'forged');
        if (random.int(0, 10) === 0) text += 'INFO 2024-02-30 10:00:00,000 views 41 7 no such day\n';
        text += 'ValueError: bad\n';
      }
    }
    texts.push(text);
  }
  const sources = texts.map((text, f) => {
    const index = files - 1 - f;
    const gz = f === 0;
    const path = join(dir, `${name}.log${index > 0 ? `.${index}` : ''}${gz ? '.gz' : ''}`);
    const bytes = crlf ? text.replaceAll('\n', '\r\n') : text;
    writeFileSync(path, gz ? gzipSync(bytes) : bytes);
    return sourceFor(path);
  });
  const sizes = sources.map((s) => statSync(s.path).size);
  return {
    input: { label: name, sources, format: VERBOSE_FORMAT, livePath: null },
    times,
    tracebackTimes,
    sizes,
  };
}

const inWindow = (record: LogRecord, { since, until }: TimeWindow): boolean =>
  record.time !== null &&
  (since === undefined || record.time >= since) &&
  (until === undefined || record.time < until);

const shown = (r: LogRecord): string =>
  JSON.stringify([r.file, r.line, r.time, r.level, r.message, r.excText, r.suspect ?? null]);

async function read(
  input: LogInput,
  window: TimeWindow | undefined,
): Promise<{ records: string[]; bytes: number }> {
  let bytes = 0;
  const options: ParseOptions = { wallClock: wallClockIn('UTC'), onBytes: (b) => (bytes += b), window };
  const records: string[] = [];
  for await (const batch of recordsOfInput(input, options))
    for (const record of batch) if (!window || inWindow(record, window)) records.push(shown(record));
  return { records, bytes };
}

const fullScans = new Map<Family, string[]>();

async function assertSame(family: Family, window: TimeWindow): Promise<number> {
  if (!fullScans.has(family)) fullScans.set(family, (await read(family.input, undefined)).records);
  const full = fullScans.get(family)!.filter((text) => {
    const time = JSON.parse(text)[2] as number | null;
    return inWindow({ time } as LogRecord, window);
  });
  const { records, bytes } = await read(family.input, window);
  assert.deepEqual(records, full, `window ${JSON.stringify(window)}`);
  return bytes;
}

test('a seek returns the records a full scan filtered by time returns, for windows of every kind', async () => {
  const family = writeFamily('app', 7);
  const first = family.times[0]!;
  const last = family.times.at(-1)!;
  const random = new Random(3);
  const windows: TimeWindow[] = [
    { since: first - 2 * HOUR, until: first - HOUR }, // before the first record
    { since: last + HOUR, until: last + 2 * HOUR }, // after the last
    { since: first + HOUR, until: first + HOUR }, // empty
    { since: first + HOUR }, // to the end
    { until: first + 2 * HOUR }, // from the start
    { since: first + HOUR, until: last - HOUR }, // across every file and the .gz
  ];
  // Edges on out-of-order records and inside tracebacks (the forged header's record included).
  for (let i = 0; i < 25; i++) {
    const since = family.times[random.int(0, family.times.length - 1)]!;
    windows.push({ since, until: since + random.int(0, 2 * HOUR) });
    const t = family.tracebackTimes[random.int(0, family.tracebackTimes.length - 1)]!;
    windows.push({
      since: t,
      until: family.tracebackTimes[random.int(0, family.tracebackTimes.length - 1)]!,
    });
    windows.push({ since: t - random.int(0, 8000), until: t + random.int(0, 8000) });
  }
  for (const window of windows) await assertSame(family, window);
  const all = fullScans.get(family)!.map((text) => JSON.parse(text) as unknown[]);
  assert.ok(
    all.some((r) => r[6] === 'injected'),
    'the family has a forged header',
  );
  assert.ok(
    all.some((r) => (r[4] as string).length > 64 * 1024),
    'and lines longer than a probe block',
  );
});

test('a window in the live file reads a fraction of it, and no older file; one in the oldest file reads no newer one', async () => {
  const family = writeFamily('big', 11, 3, 6000);
  const [gz, rotated, live] = family.sizes as [number, number, number];
  const liveStart = family.times[12_000]!;
  // The .gz is skipped as the rotated file after it starts earlier; the live file is read a chunk at a time.
  const inLive = await assertSame(family, { since: liveStart + 2 * HOUR, until: liveStart + 2.5 * HOUR });
  assert.ok(inLive < live / 4, `read ${inLive} bytes of a ${live}-byte file for half an hour of eleven`);
  // Threads share the files a window reads: the rotated file is left out, the .gz kept.
  const window = {
    since: liveStart + 2 * HOUR,
    until: liveStart + 2.5 * HOUR,
    wallClock: wallClockIn('UTC'),
  };
  const [gzSource, , liveSource] = family.input.sources;
  assert.deepEqual(filesInWindow(family.input, window).sources, [gzSource, liveSource]);
  const early = { ...window, since: family.times[100]!, until: family.times[200]! };
  assert.deepEqual(filesInWindow(family.input, early).sources, [gzSource]);
  const inGz = await assertSame(family, { since: family.times[100]!, until: family.times[200]! });
  assert.ok(
    inGz <= gz,
    `read ${inGz} bytes, more than the oldest file (${gz}); ${rotated} + ${live} more exist`,
  );
});

test('records written seconds out of order at both edges of a window are all found', async () => {
  // 20 ms apart, each up to 4 s early or late: a 64 KiB probe block holds about 2 s of records.
  const family = writeFamily('dense', 5, 3, 2000, 20, 300);
  const random = new Random(9);
  for (let i = 0; i < 60; i++) {
    const since = family.times[random.int(0, family.times.length - 1)]!;
    await assertSame(family, { since, until: since + random.int(0, 30 * SECOND) });
  }
});

test('CRLF lines: the same records as a full scan', async () => {
  const family = writeFamily('crlf', 13, 3, 2000, 20, 300, true);
  const random = new Random(4);
  for (let i = 0; i < 20; i++) {
    const since = family.times[random.int(0, family.times.length - 1)]!;
    await assertSame(family, { since, until: since + random.int(0, 30 * SECOND) });
  }
});
