import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCorpus } from '../../../../test/kit/corpus.js';
import { asctimeParser } from '../../../core/asctime.js';
import { wallClockIn } from '../../../core/timeZone.js';
import { VERBOSE_FORMAT } from '../../../core/families.js';
import type { LogRecord } from '../../../core/record.js';
import { sourceFor } from '../../../sources/logSource.js';
import { compilePythonFormat } from '../../../parsers/pythonFormat.js';
import { everyRecord } from './everyRecord.js';
import { recordsForward } from '../forwardRecords.js';
import { LiteralFinder } from './literalFinder.js';
import { MAX_RECORD_LINES } from '../../../core/recordLimits.js';

/**
 * The keyword scan must give exactly the records of the every-record path that contain the
 * keyword, plus every unparsed one: same text, same line numbers, across 1 MiB chunk edges.
 */
const KEYWORD = 'processing_time';
const dir = mkdtempSync(join(tmpdir(), 'smsmon-keywordscan-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const format = compilePythonFormat(VERBOSE_FORMAT);
const context = (file: string) => ({ format, parseTime: asctimeParser(wallClockIn('UTC')), file });

async function both(file: string, keyword = KEYWORD): Promise<[LogRecord[], LogRecord[]]> {
  const expected: LogRecord[] = [];
  for await (const batch of recordsForward(sourceFor(file), context(file), everyRecord)) {
    expected.push(...batch.filter((r) => r.unparsed || r.raw.includes(keyword)));
  }
  const actual: LogRecord[] = [];
  for await (const batch of recordsForward(sourceFor(file), context(file), new LiteralFinder(keyword)))
    actual.push(...batch);
  return [actual, expected];
}

before(async () => {
  // One 3.5 MB app.log: several 1 MiB chunks, records straddling their edges.
  await generateCorpus({ dir, records: 20_000, seed: 7, maxBytes: { app: 50_000_000 } });
});

test('keyword scan equals the every-record path on a generated app.log', async () => {
  const [actual, expected] = await both(join(dir, 'app.log'));
  assert.ok(expected.length > 5000);
  assert.equal(actual.length, expected.length);
  assert.deepEqual(actual, expected);
});

test('a keyword that is rare, and one that is nowhere', async () => {
  for (const keyword of ['Traceback', 'no such text anywhere']) {
    const [actual, expected] = await both(join(dir, 'app.log'), keyword);
    assert.deepEqual(actual, expected, keyword);
  }
});

const H = (second: number, message: string) =>
  `INFO 2024-01-20 16:30:${String(second).padStart(2, '0')},000 views 1 2 ${message}\n`;

test('leading lines, hits in a traceback and a continuation line, UTF-8, CRLF, no final newline', async () => {
  const file = join(dir, 'edge.log');
  writeFileSync(file, 'stray processing_time=1\nstray 2\n');
  appendFileSync(file, H(0, 'no hit'));
  appendFileSync(file, H(1, 'Request summary:\n  processing_time=1.25s\n  done'));
  appendFileSync(
    file,
    `ERROR 2024-01-20 16:30:02,000 views 1 2 failed\nTraceback (most recent call last):\n  f(processing_time=x)\nValueError: boom\n`,
  );
  appendFileSync(file, H(3, 'Réponse à +33 processing_time: 0.5s'));
  appendFileSync(file, H(4, 'windows line processing_time=0.2\r'));
  appendFileSync(file, 'ERROR 2024-02-30 16:30:05,000 views 1 2 not a real date processing_time=9\n');
  appendFileSync(file, H(6, 'last processing_time=0.3').trimEnd());
  const [actual, expected] = await both(file);
  assert.deepEqual(actual, expected);
  assert.deepEqual(
    actual.map((r) => [r.line, r.unparsed, r.message]),
    [
      [1, true, 'stray processing_time=1'],
      [2, true, 'stray 2'],
      [4, false, 'Request summary:\n  processing_time=1.25s\n  done'],
      [7, false, 'failed'], // the hit is in its traceback: the record comes, its message has none
      [11, false, 'Réponse à +33 processing_time: 0.5s'],
      // Feb 30 is no date, so that line continues the record before it.
      [
        12,
        false,
        'windows line processing_time=0.2\r\nERROR 2024-02-30 16:30:05,000 views 1 2 not a real date processing_time=9',
      ],
      [14, false, 'last processing_time=0.3'],
    ],
  );
});

test('a record longer than the line cap is cut as on the every-record path', async () => {
  const file = join(dir, 'long.log');
  const filler = Array.from({ length: MAX_RECORD_LINES + 5 }, (_, i) => `  line ${i}`).join('\n');
  writeFileSync(file, H(0, `huge processing_time=1\n${filler}`));
  appendFileSync(file, H(1, 'after processing_time=2'));
  appendFileSync(file, H(2, `huge at the end\n${filler}`));
  const [actual, expected] = await both(file);
  assert.deepEqual(
    actual.filter((r) => r.raw.includes(KEYWORD)),
    expected,
  );
  // A record past its caps comes with or without the keyword (a hint), the file's last one too.
  assert.deepEqual(
    actual.map((r) => r.message.split('\n')[0]),
    ['huge processing_time=1', 'after processing_time=2', 'huge at the end'],
  );
});

test('hostile records read the same on both paths: a 3 MB line and a 30,000-line traceback', async () => {
  const file = join(dir, 'hostile.log');
  const frames = Array.from({ length: 30_000 }, (_, i) => `  File "f.py", line ${i}, in f`).join('\n');
  const header = (second: number) =>
    `ERROR 2024-01-20 16:31:${String(second).padStart(2, '0')},000 tasks 1 2`;
  writeFileSync(file, `${header(0)} huge ${KEYWORD}=1 ${'é'.repeat(1_500_000)}\n`);
  appendFileSync(file, `${header(1)} deep ${KEYWORD}=2\nTraceback (most recent call last):\n${frames}\n`);
  appendFileSync(file, `ValueError: bottom\n${header(2)} after ${KEYWORD}=3\n`);
  const [actual, expected] = await both(file);
  assert.deepEqual(actual, expected);
  assert.deepEqual(
    actual.map((r) => [r.line, r.truncatedBytes > 0, r.excText.split('\n').at(-1)]),
    [
      [1, true, ''],
      [2, true, 'ValueError: bottom'],
      [30_005, false, ''],
    ],
  );
});
