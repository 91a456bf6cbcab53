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
import { MAX_RECORD_LINES, TAIL_LINES } from '../../core/recordLimits.js';

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
