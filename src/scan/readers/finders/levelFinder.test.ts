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
import { LevelFinder } from './levelFinder.js';
import { MAX_RECORD_LINES } from '../../../core/recordLimits.js';

/**
 * The byte-search path must give exactly the records the every-record path gives and the
 * filter keeps: same text, same line numbers, across 1 MiB chunk edges.
 */
const dir = mkdtempSync(join(tmpdir(), 'smsmon-levelscan-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const format = compilePythonFormat(VERBOSE_FORMAT);
const context = (file: string) => ({ format, parseTime: asctimeParser(wallClockIn('UTC')), file });

async function both(file: string, levels: string[]): Promise<[LogRecord[], LogRecord[]]> {
  const expected: LogRecord[] = [];
  for await (const batch of recordsForward(sourceFor(file), context(file), everyRecord)) {
    expected.push(...batch.filter((r) => r.unparsed || levels.includes(r.level)));
  }
  const actual: LogRecord[] = [];
  for await (const batch of recordsForward(
    sourceFor(file),
    context(file),
    new LevelFinder(levels, format.levelLinePrefix!),
  ))
    actual.push(...batch);
  return [actual, expected];
}

before(async () => {
  // One 3.5 MB app.log: several 1 MiB chunks, tracebacks straddling their edges.
  await generateCorpus({ dir, records: 20_000, seed: 7, maxBytes: { app: 50_000_000 } });
});

for (const levels of [
  ['ERROR'],
  ['CRITICAL'],
  ['WARNING', 'WARN', 'ERROR', 'CRITICAL', 'FATAL'],
  ['DEBUG'],
]) {
  test(`level scan equals the every-record path for ${levels.join(',')}`, async () => {
    const [actual, expected] = await both(join(dir, 'app.log'), levels);
    assert.ok(levels[0] === 'DEBUG' || expected.length > 10);
    assert.equal(actual.length, expected.length);
    assert.deepEqual(actual, expected);
  });
}

test('leading unparsed lines, WARN beside WARNING, a header-like continuation and no final newline', async () => {
  const file = join(dir, 'edge.log');
  writeFileSync(file, 'stray 1\nstray 2\n');
  appendFileSync(file, 'WARN 2024-01-20 16:30:00,000 views 1 2 short level\n');
  appendFileSync(file, 'WARNING 2024-01-20 16:30:01,000 views 1 2 long level\nERROR in step 2\n');
  appendFileSync(file, 'ERROR 2024-02-30 16:30:01,000 views 1 2 not a real date\n');
  appendFileSync(
    file,
    'ERROR 2024-01-20 16:30:02,000 views 1 2 last\nTraceback (most recent call last):\nValueError: x',
  );
  for (const levels of [['WARN'], ['WARNING'], ['ERROR']]) {
    const [actual, expected] = await both(file, levels);
    assert.deepEqual(actual, expected, levels.join());
  }
  const [errors] = await both(file, ['ERROR']);
  assert.deepEqual(
    errors.map((r) => [r.line, r.message, r.excText]),
    [
      [1, 'stray 1', ''],
      [2, 'stray 2', ''],
      [7, 'last', 'Traceback (most recent call last):\nValueError: x'],
    ],
  );
});

test('a line longer than a read chunk (2.5 MB) is carried whole', async () => {
  const file = join(dir, 'long.log');
  const long = 'x'.repeat(2_500_000);
  writeFileSync(
    file,
    `ERROR 2024-01-20 16:30:00,000 views 1 2 ${long}\n` + 'INFO 2024-01-20 16:30:01,000 views 1 2 short\n',
  );
  appendFileSync(file, `ERROR 2024-01-20 16:30:02,000 views 1 2 tail\n${long}\n`);
  const [actual, expected] = await both(file, ['ERROR']);
  assert.equal(actual.length, 2);
  assert.deepEqual(actual, expected);
});

test("records one after another; the lines past a record's line cap stay in it", async () => {
  const file = join(dir, 'capped.log');
  const at = (second: number) => `2024-01-20 16:30:${String(second).padStart(2, '0')},000`;
  const filler = Array.from({ length: MAX_RECORD_LINES - 1 }, (_, i) => `  line ${i}`).join('\n');
  writeFileSync(file, `ERROR ${at(0)} views 1 2 first\nERROR ${at(1)} views 1 2 second\n`);
  appendFileSync(file, `CRITICAL ${at(2)} views 1 2 third\nINFO ${at(3)} views 1 2 skipped\n`);
  appendFileSync(file, `ERROR ${at(4)} views 1 2 huge\n${filler}\nERROR right after the cap\n`);
  appendFileSync(file, `ERROR ${at(5)} views 1 2 after\nERROR ${at(6)} views 1 2 last\n`);
  for (const levels of [['ERROR'], ['ERROR', 'CRITICAL']]) {
    const [actual, expected] = await both(file, levels);
    assert.deepEqual(actual, expected, levels.join());
  }
  // A record of a level not asked for is skipped unread, the lines past its cap with it.
  const [info, allInfo] = await both(file, ['INFO']);
  assert.deepEqual(
    info,
    allInfo.filter((r) => !r.unparsed),
  );
  const [errors] = await both(file, ['ERROR', 'CRITICAL']);
  assert.deepEqual(
    errors.map((r) => [r.line, r.unparsed ? r.raw : r.message.split('\n')[0]]),
    [
      [1, 'first'],
      [2, 'second'],
      [3, 'third'],
      [5, 'huge'],
      [6 + MAX_RECORD_LINES, 'after'],
      [7 + MAX_RECORD_LINES, 'last'],
    ],
  );
});

test('hostile records read the same on both paths: a 3 MB line, a 30,000-line traceback, CRLF', async () => {
  const file = join(dir, 'hostile.log');
  const at = (second: number) => `2024-01-20 16:31:${String(second).padStart(2, '0')},000`;
  const frames = Array.from({ length: 30_000 }, (_, i) => `  File "f.py", line ${i}, in f`).join('\n');
  writeFileSync(
    file,
    `INFO ${at(0)} views 1 2 before\nERROR ${at(1)} views 1 2 huge ${'é'.repeat(1_500_000)}\n`,
  );
  appendFileSync(file, `ERROR ${at(2)} tasks 1 2 deep\nTraceback (most recent call last):\n${frames}\n`);
  appendFileSync(
    file,
    `ValueError: bottom\nERROR ${at(3)} tasks 1 2 crlf\r\nTraceback (most recent call last):\r\n`,
  );
  appendFileSync(
    file,
    `  File "x.py", line 1, in f\r\nopenai.RateLimitError: 429\r\nINFO ${at(4)} views 1 2 after\n`,
  );
  const [actual, expected] = await both(file, ['ERROR']);
  assert.deepEqual(actual, expected);
  assert.deepEqual(
    actual.map((r) => [r.line, r.truncatedBytes > 0, r.excText.split('\n').at(-1)]),
    [
      [2, true, ''],
      [3, true, 'ValueError: bottom'],
      [30_006, false, 'openai.RateLimitError: 429'],
    ],
  );
});

test('a capped record that ends the file (with its final newline) still comes', async () => {
  const file = join(dir, 'capped-last.log');
  const filler = Array.from({ length: MAX_RECORD_LINES + 5 }, (_, i) => `  line ${i}`).join('\n');
  writeFileSync(file, `INFO 2024-01-20 16:30:00,000 views 1 2 first\n`);
  appendFileSync(file, `ERROR 2024-01-20 16:30:01,000 views 1 2 huge\n${filler}\n`);
  const [actual, expected] = await both(file, ['ERROR']);
  assert.deepEqual(
    actual.map((r) => [r.line, r.message.split('\n')[0]]),
    [[2, 'huge']],
  );
  assert.deepEqual(actual, expected);
});
