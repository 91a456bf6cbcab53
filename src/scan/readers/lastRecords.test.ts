import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asctimeParser } from '../../core/asctime.js';
import { wallClockIn } from '../../core/timeZone.js';
import { VERBOSE_FORMAT } from '../../core/families.js';
import { compilePythonFormat } from '../../parsers/pythonFormat.js';
import { scanBackward } from './lastRecords.js';
import { MAX_LINE_BYTES, MAX_RECORD_LINES, TAIL_LINES } from '../../core/recordLimits.js';
import type { LogRecord } from '../../core/record.js';
import { InjectionCheck } from '../../parsers/injectionCheck.js';
import { sourceFor } from '../../sources/logSource.js';
import { everyRecord } from './finders/everyRecord.js';
import { recordsForward } from './forwardRecords.js';
import { Random } from '../../../test/kit/random.js';

const dir = mkdtempSync(join(tmpdir(), 'smsmon-last-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const format = compilePythonFormat(VERBOSE_FORMAT);

function write(name: string, text: string): { path: string; size: number } {
  const path = join(dir, name);
  writeFileSync(path, text);
  return { path, size: statSync(path).size };
}

const record = (minute: number, level: string, text: string) =>
  `${level} 2024-01-20 10:${String(minute).padStart(2, '0')}:00,000 views 1 2 ${text}\n`;

test('the last matching records, tracebacks whole, with exact line numbers', async () => {
  const { path, size } = write(
    'a.log',
    'orphan\n' +
      record(1, 'ERROR', 'e1') +
      'Traceback (most recent call last):\nValueError: 1\n' +
      record(2, 'INFO', 'i2') +
      record(3, 'ERROR', 'e3'),
  );
  const context = { format, parseTime: asctimeParser(wallClockIn('UTC')), file: path };
  const scan = await scanBackward(path, size, context, {
    count: 2,
    accept: (r) => r.level === 'ERROR',
    lineNumbers: true,
    completeLinesOnly: false,
  });
  assert.deepEqual(
    scan.newestFirst.map((r) => [r.line, r.message, r.excText]),
    [
      [6, 'e3', ''],
      [2, 'e1', 'Traceback (most recent call last):\nValueError: 1'],
    ],
  );
  assert.equal(scan.reachedOlder, false);
});

test('stopBefore ends the scan once records are older than --since (with a minute of slack)', async () => {
  const lines = Array.from({ length: 50 }, (_, m) => record(m, 'INFO', `m${m}`)).join('');
  const { path, size } = write('b.log', lines);
  const context = { format, parseTime: asctimeParser(wallClockIn('UTC')), file: path };
  const seen: string[] = [];
  const scan = await scanBackward(path, size, context, {
    count: 10,
    accept: (r) => {
      seen.push(r.message);
      return false;
    },
    lineNumbers: false,
    completeLinesOnly: false,
    stopBefore: Date.UTC(2024, 0, 20, 10, 45),
  });
  assert.equal(scan.reachedOlder, true);
  assert.deepEqual(seen, ['m49', 'm48', 'm47', 'm46', 'm45', 'm44', 'm43']);
});

test('follow mode leaves an unterminated last line to the follower', async () => {
  const { path, size } = write(
    'c.log',
    record(1, 'INFO', 'done') + 'INFO 2024-01-20 10:02:00,000 views 1 2 half',
  );
  const context = { format, parseTime: asctimeParser(wallClockIn('UTC')), file: path };
  const scan = await scanBackward(path, size, context, {
    count: 5,
    accept: () => true,
    lineNumbers: true,
    completeLinesOnly: true,
  });
  assert.deepEqual(
    scan.newestFirst.map((r) => r.message),
    ['done'],
  );
  assert.equal(scan.resumeOffset, record(1, 'INFO', 'done').length);
  assert.equal(scan.resumeLine, 2);
});

test('a traceback of 30,000 lines read backwards is one capped record that keeps its exception', async () => {
  const frames = Array.from({ length: 30_000 }, (_, i) => `  File "f.py", line ${i}, in f\n`).join('');
  const { path, size } = write(
    'deep.log',
    record(1, 'INFO', 'before') +
      record(2, 'ERROR', 'deep') +
      `Traceback (most recent call last):\n${frames}ValueError: bottom\n` +
      record(3, 'INFO', 'after'),
  );
  const context = { format, parseTime: asctimeParser(wallClockIn('UTC')), file: path };
  const scan = await scanBackward(path, size, context, {
    count: 1,
    accept: (r) => r.level === 'ERROR',
    lineNumbers: true,
    completeLinesOnly: false,
  });
  const [deep] = scan.newestFirst;
  assert.equal(deep!.line, 2);
  assert.equal(deep!.raw.split('\n').length, MAX_RECORD_LINES + TAIL_LINES);
  assert.ok(deep!.excText.endsWith('\nValueError: bottom'));
  // Kept: the header, the Traceback line and 9,998 frames; the last 99 frames and ValueError.
  const dropped = frames.split('\n').slice(MAX_RECORD_LINES - 2, 30_000 - (TAIL_LINES - 1));
  assert.equal(
    deep!.truncatedBytes,
    dropped.reduce((n, line) => n + Buffer.byteLength(line) + 1, 0),
  );
});

/** Every record of a file read forwards, as a full scan judges them (inputRecords.ts). */
async function forwardRecords(path: string): Promise<LogRecord[]> {
  const context = { format, parseTime: asctimeParser(wallClockIn('UTC')), file: path };
  const check = new InjectionCheck({ suffix: format.suffix, consecutive: true, lookahead: true });
  const all: LogRecord[] = [];
  for await (const batch of recordsForward(sourceFor(path), context, everyRecord))
    all.push(...check.judged(batch));
  all.push(...check.judged([], true));
  return all;
}

/** Lines the backward reader must cut where the forward reader does: blocks, long lines, odd bytes. */
function awkwardLog(random: Random, records: number): string {
  const parts: string[] = [];
  if (random.chance(0.5))
    parts.push('orphan before any header\n', '\n', 'ERROR looks like a header but is not\n');
  for (let i = 0; i < records; i++) {
    const level = random.pick(['INFO', 'ERROR', 'WARNING', 'DEBUG']);
    const minute = String(i % 60).padStart(2, '0');
    const text = random.pick(['plain', 'héllo wörld 🎉', 'x'.repeat(random.int(3000, 9000)), '']);
    parts.push(
      `${level} 2024-01-20 10:${minute}:00,000 views 1 2 ${text}${random.chance(0.1) ? '\r' : ''}\n`,
    );
    if (random.chance(0.2)) {
      parts.push('Traceback (most recent call last):\n');
      for (let f = random.int(0, 40); f > 0; f--) parts.push(`  File "é.py", line ${f}, in f\n`);
      if (random.chance(0.3)) parts.push(`INFO not a header ${'y'.repeat(random.int(0, 70_000))}\n`);
      parts.push('ValueError: bad\n');
    }
    if (random.chance(0.05)) parts.push('\n');
  }
  if (random.chance(0.5)) parts.push('INFO 2024-01-20 11:00:00,000 views 1 2 unterminated');
  return parts.join('');
}

test('backwards, the last N records are the last N of a forward read, on awkward files', async () => {
  const random = new Random(20261204);
  for (let round = 0; round < 12; round++) {
    const { path, size } = write(`awkward${round}.log`, awkwardLog(random, random.int(0, 400)));
    const context = { format, parseTime: asctimeParser(wallClockIn('UTC')), file: path };
    const forward = await forwardRecords(path);
    const wanted = (r: LogRecord): boolean => r.level === 'ERROR' || r.unparsed === true;
    for (const count of [1, 7, forward.length + 1]) {
      for (const accept of [() => true, wanted]) {
        const scan = await scanBackward(path, size, context, {
          count,
          accept,
          lineNumbers: true,
          completeLinesOnly: false,
        });
        const expected = forward.filter(accept).slice(-count).reverse();
        assert.deepEqual(scan.newestFirst, expected, `round ${round}, last ${count}`);
      }
    }
  }
});

test('a headerless file is read backwards a block at a time, each line a record', async () => {
  const lines = Array.from({ length: 20_000 }, (_, i) => `no header ${i}`);
  const { path, size } = write('headerless.log', lines.join('\n') + '\n');
  const context = { format, parseTime: asctimeParser(wallClockIn('UTC')), file: path };
  const scan = await scanBackward(path, size, context, {
    count: 3,
    accept: () => true,
    lineNumbers: true,
    completeLinesOnly: false,
  });
  assert.deepEqual(
    scan.newestFirst.map((r) => [r.line, r.raw, r.unparsed]),
    [
      [20_000, 'no header 19999', true],
      [19_999, 'no header 19998', true],
      [19_998, 'no header 19997', true],
    ],
  );
  assert.deepEqual(
    (await forwardRecords(path)).slice(-20_000).reverse(),
    (
      await scanBackward(path, size, context, {
        count: 20_000,
        accept: () => true,
        lineNumbers: true,
        completeLinesOnly: false,
      })
    ).newestFirst,
  );
});

test('a file that shrank since its size was taken ends the scan without an error', async () => {
  const { path, size } = write('shrunk.log', record(1, 'INFO', 'a') + record(2, 'INFO', 'b'));
  const context = { format, parseTime: asctimeParser(wallClockIn('UTC')), file: path };
  const scan = await scanBackward(path, size + 4096, context, {
    count: 5,
    accept: () => true,
    lineNumbers: true,
    completeLinesOnly: false,
  });
  assert.deepEqual(scan.newestFirst, []);
});

test('a header line of 24 MiB read backwards keeps its first MiB and counts the rest', async () => {
  const header = 'ERROR 2024-01-20 10:30:00,000 views 1 2 ';
  const lineBytes = 24 * 1024 * 1024;
  const dirBytes = Buffer.concat([
    Buffer.from(record(29, 'INFO', 'before') + header),
    Buffer.alloc(lineBytes - header.length, 'é'),
    Buffer.from('\n' + record(31, 'INFO', 'after')),
  ]);
  const path = join(dir, 'long.log');
  writeFileSync(path, dirBytes);
  const context = { format, parseTime: asctimeParser(wallClockIn('UTC')), file: path };
  const before = process.memoryUsage().rss;
  const scan = await scanBackward(path, dirBytes.length, context, {
    count: 3,
    accept: () => true,
    lineNumbers: true,
    completeLinesOnly: false,
  });
  assert.ok(process.memoryUsage().rss - before < 16 * 1024 * 1024, 'the line is never held whole');
  const [after, long, first] = scan.newestFirst;
  assert.deepEqual([after!.message, first!.message, long!.line], ['after', 'before', 2]);
  const kept = Buffer.byteLength(long!.raw);
  assert.ok(kept <= MAX_LINE_BYTES && kept > MAX_LINE_BYTES - 4, `kept ${kept}`);
  assert.ok(!long!.raw.includes('\ufffd'), 'cut on a character boundary');
  assert.equal(kept + long!.truncatedBytes, lineBytes);
});
