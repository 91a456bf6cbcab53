import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asctimeParser } from '../../core/asctime.js';
import { VERBOSE_FORMAT } from '../../core/families.js';
import type { LogRecord } from '../../core/record.js';
import { wallClockIn } from '../../core/timeZone.js';
import { generateCorpus } from '../../../test/kit/corpus.js';
import { ProcessingTimeReader } from '../../operators/processingTimeReader.js';
import { sourceFor } from '../../sources/logSource.js';
import { everyRecord } from './finders/everyRecord.js';
import { recordsForward } from './forwardRecords.js';
import { LiteralFinder } from './finders/literalFinder.js';
import { compilePythonFormat } from '../../parsers/pythonFormat.js';
import { MAX_RECORD_LINES } from '../../core/recordLimits.js';

/**
 * The value lane must give exactly what a full scan gives the latency operator: the same
 * readings in the same order, and every record it does not read itself delivered as the full
 * scan builds it (same text, same line number), unparsed lines included.
 */
const KEYWORD = 'processing_time';
const dir = mkdtempSync(join(tmpdir(), 'smsmon-valuelane-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const format = compilePythonFormat(VERBOSE_FORMAT);
const context = (file: string) => ({ format, parseTime: asctimeParser(wallClockIn('UTC')), file });

type Reading = number | 'garbage';

interface Compared {
  /** Readings from values pushed by the lane. */
  laneValues: number;
  delivered: LogRecord[];
}

async function compare(file: string): Promise<Compared> {
  const reader = new ProcessingTimeReader(0);
  const expected: Reading[] = [];
  const byLine = new Map<number, LogRecord>();
  let expectedUnparsed = 0;
  for await (const batch of recordsForward(sourceFor(file), context(file), everyRecord)) {
    for (const record of batch) {
      byLine.set(record.line, record);
      if (record.unparsed) expectedUnparsed++;
      const reading = reader.read(record);
      if (reading !== null) expected.push(reading);
    }
  }
  const actual: Reading[] = [];
  const delivered: LogRecord[] = [];
  let laneValues = 0;
  const values = {
    keyword: KEYWORD,
    valueAt: (bytes: Uint8Array, from: number, at: number) => reader.valueAt(bytes, from, at),
    push: (value: number) => {
      laneValues++;
      actual.push(value);
    },
  };
  for await (const batch of recordsForward(sourceFor(file), context(file), new LiteralFinder(KEYWORD), {
    values,
  })) {
    for (const record of batch) {
      delivered.push(record);
      assert.deepEqual(record, byLine.get(record.line), `record at line ${record.line}`);
      const reading = reader.read(record);
      if (reading !== null) actual.push(reading);
    }
  }
  assert.deepEqual(actual, expected);
  assert.equal(delivered.filter((r) => r.unparsed).length, expectedUnparsed, 'unparsed lines');
  return { laneValues, delivered };
}

const H = (second: number, message: string, level = 'INFO', module = 'views') =>
  `${level} 2024-01-20 16:30:${String(second % 60).padStart(2, '0')},000 ${module} 1 2 ${message}\n`;
const simple = (count: number, from = 0) =>
  Array.from({ length: count }, (_, i) =>
    H(from + i, `GET /x/ 200 processing_time=0.${(i % 900) + 100}`),
  ).join('');

before(async () => {
  await generateCorpus({ dir, records: 20_000, seed: 11, maxBytes: { app: 50_000_000 } });
});

test('on a generated app.log the lane reads the values and agrees with the full scan', async () => {
  const { laneValues } = await compare(join(dir, 'app.log'));
  assert.ok(laneValues > 2000, `lane read ${laneValues} values`);
});

test('hits in tracebacks and continuation lines, two on a line, garbage, other spellings', async () => {
  const file = join(dir, 'edge.log');
  writeFileSync(file, H(0, 'first processing_time=0.1, again processing_time=0.7'));
  appendFileSync(file, H(1, 'failed processing_time=0.2', 'ERROR'));
  appendFileSync(file, 'Traceback (most recent call last):\n  f(processing_time=9)\nValueError: boom\n');
  appendFileSync(file, H(2, 'avg_processing_time=5 processing_time=0.3'));
  appendFileSync(file, H(3, 'Request summary:\n  processing_time=1.25s\n  done'));
  appendFileSync(file, H(4, 'prose processing_time exceeded, then processing_time=0.4'));
  appendFileSync(file, H(5, 'x', 'INFO', 'processing_time'));
  appendFileSync(file, H(6, 'processing_time=None'));
  appendFileSync(file, H(7, 'processing_time 812ms'));
  appendFileSync(file, H(8, 'processing_time=250us'));
  appendFileSync(file, H(9, 'windows processing_time=0.2\r'));
  appendFileSync(file, H(10, 'at the end processing_time=0.5').trimEnd());
  const { laneValues, delivered } = await compare(file);
  assert.equal(laneValues, 2, 'the first two records, before the hit on a continuation line');
  assert.ok(delivered.length > 5);
});

test('a file that does not start with a header, and one that starts with plenty of simple lines', async () => {
  const stray = join(dir, 'stray.log');
  writeFileSync(stray, 'stray processing_time=1\nstray 2\n' + simple(50));
  assert.equal((await compare(stray)).laneValues, 0);
  // ~8 MB: many windows before the lane steps aside, so the line number comes from disk.
  const late = join(dir, 'late.log');
  writeFileSync(late, simple(100_000));
  appendFileSync(
    late,
    H(1, 'failed', 'ERROR') + 'Traceback (most recent call last):\n  processing_time=3\nE: x\n',
  );
  appendFileSync(late, simple(1000, 2) + H(3, 'processing_time=oops') + simple(10));
  const { laneValues, delivered } = await compare(late);
  assert.equal(laneValues, 100_000);
  assert.equal(delivered[0]!.line, 100_001);
});

test('records past the line cap, short and long records around window edges', async () => {
  const filler = (n: number) => Array.from({ length: n }, (_, i) => `  line ${i}`).join('\n');
  const capped = join(dir, 'capped.log');
  writeFileSync(capped, simple(10) + H(0, `huge processing_time=1\n${filler(MAX_RECORD_LINES + 5)}`));
  appendFileSync(capped, H(1, 'after processing_time=2') + H(2, `long but under the cap\n${filler(5000)}`));
  const capResult = await compare(capped);
  assert.equal(capResult.laneValues, 10);
  const under = join(dir, 'under.log');
  writeFileSync(
    under,
    simple(10) + H(0, `long processing_time=1\n${filler(MAX_RECORD_LINES - 2)}`) + simple(10),
  );
  assert.equal((await compare(under)).laneValues, 21);
  const mixed = join(dir, 'mixed.log');
  let text = '';
  for (let i = 0; i < 3000; i++) {
    text += simple(7, i);
    text +=
      H(i, i % 2 ? 'failed' : 'failed processing_time=0.9', 'ERROR') +
      `Traceback (most recent call last):\n${filler(i % 40)}\nE: x\n`;
  }
  writeFileSync(mixed, text);
  assert.equal((await compare(mixed)).laneValues, 3000 * 7 + 1500);
});

test('names the byte matcher leaves to the regex (UTF-8) and levels it must tell apart', async () => {
  const file = join(dir, 'names.log');
  writeFileSync(file, simple(3));
  appendFileSync(file, H(1, 'processing_time=0.6', 'WARNING', 'vïews'));
  appendFileSync(file, H(2, 'processing_time=0.7', 'WARN'));
  appendFileSync(file, H(3, 'processing_time=0.8', 'Level 5'));
  appendFileSync(file, 'INFO 2024-02-30 16:30:05,000 views 1 2 not a real date processing_time=9\n');
  appendFileSync(file, 'INFO 2024-01-20 16:30:60,000 views 1 2 no second 60 processing_time=9\n');
  appendFileSync(file, simple(3));
  const { laneValues } = await compare(file);
  assert.equal(laneValues, 9);
});
