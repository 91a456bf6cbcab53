import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { wallClockIn } from '../../core/timeZone.js';
import { VERBOSE_FORMAT } from '../../core/families.js';
import { MAX_LINE_BYTES } from '../../core/recordLimits.js';
import { compilePythonFormat } from '../../parsers/pythonFormat.js';
import type { LogRecord } from '../../core/record.js';
import { followRecords } from './followRecords.js';

const dir = mkdtempSync(join(tmpdir(), 'smsmon-follow-records-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const record = (minute: number, text: string) =>
  `ERROR 2024-01-20 10:${String(minute).padStart(2, '0')}:00,000 views 1 2 ${text}\n`;

test('followed records: line numbers, cut bytes counted, the last one out on idle, no half line', async () => {
  const path = join(dir, 'app.log');
  const long = 'x'.repeat(MAX_LINE_BYTES + 5000);
  writeFileSync(
    path,
    'orphan\n' + record(1, long) + 'Traceback (most recent call last):\n' + record(2, 'lone') + 'Value',
  );
  const controller = new AbortController();
  let clock = 0;
  let polls = 0;
  const seen: LogRecord[][] = [];
  // The follow ends once the lone record is out (or after 10 polls, which fails the test).
  const waker = async (): Promise<void> => {
    clock += 100; // past idleMs: the next poll says idle
    if (++polls === 10 || seen.flat().some((r) => r.message === 'lone')) controller.abort();
  };
  const records = followRecords(path, compilePythonFormat(VERBOSE_FORMAT), wallClockIn('UTC'), {
    startOffset: 0,
    waker,
    now: () => clock,
    signal: controller.signal,
  });
  for await (const batch of records) seen.push(batch);
  const got = seen.flat();
  assert.deepEqual(
    got.map((r) => [r.line, r.unparsed, r.message.slice(0, 4), r.excText.split('\n')[0]]),
    [
      [1, true, 'orph', ''],
      [2, false, 'xxxx', 'Traceback (most recent call last):'],
      [4, false, 'lone', ''],
    ],
  );
  assert.ok(got[1]!.truncatedBytes >= 5000, `${got[1]!.truncatedBytes} bytes cut`);
  // The lone record came out on the first idle, before the follow ended.
  assert.ok(polls < 3, `${polls} polls`);
});
