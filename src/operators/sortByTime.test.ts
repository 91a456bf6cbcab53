import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sortByTime } from './sortByTime.js';
import { mergeByTime } from './mergeByTime.js';
import { unparsedRecord } from '../parsers/recordAssembler.js';
import type { LogRecord } from '../core/record.js';

const at = (time: number | null, message: string): LogRecord => ({
  ...unparsedRecord(message, 'f', 1),
  time,
});

async function* batches(records: LogRecord[], size: number): AsyncGenerator<LogRecord[]> {
  for (let i = 0; i < records.length; i += size) yield records.slice(i, i + size);
}

test('sortByTime and mergeByTime interleave by time, stable, untimed records stay in place', async () => {
  const a = [at(1, 'a1'), at(null, 'a-orphan'), at(5, 'a5'), at(5, 'a5b')];
  const b = [at(2, 'b2'), at(5, 'b5'), at(9, 'b9')];
  const expected = ['a1', 'a-orphan', 'b2', 'a5', 'a5b', 'b5', 'b9'];
  assert.deepEqual(
    sortByTime([a, b]).map((r) => r.message),
    expected,
  );
  const merged: string[] = [];
  for await (const batch of mergeByTime([batches(a, 2), batches(b, 1)]))
    merged.push(...batch.map((r) => r.message));
  assert.deepEqual(merged, expected);
});
