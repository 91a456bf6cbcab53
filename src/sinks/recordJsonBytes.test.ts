import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import type { LogRecord } from '../core/record.js';
import { testRecord } from '../../test/kit/logRecord.js';
import { AWKWARD_STRINGS } from '../../test/kit/awkwardText.js';
import { Output } from './output.js';
import { recordJsonLine } from '../../test/kit/recordJsonLine.js';
import { recordJson, recordJsonMaxBytes } from './recordJson.js';
import { RECORD_WRITERS } from './recordWriters.js';

/** The JSON line as JSON.stringify writes each value: what the byte encoder must reproduce. */
function stringifiedLine(record: LogRecord): string {
  const q = JSON.stringify;
  let line =
    `{"time":${record.time === null ? 'null' : `"${new Date(record.time).toISOString()}"`}` +
    `,"time_text":${q(record.timeText)},"level":${q(record.level)},"module":${q(record.module)}` +
    `,"pid":${record.pid},"thread":${record.thread},"message":${q(record.message)}` +
    `,"exc_text":${q(record.excText)},"file":${q(record.file)},"line":${record.line}` +
    `,"recovered":${record.recovered},"unparsed":${record.unparsed}` +
    `,"suspect":${record.suspect === undefined ? 'null' : q(record.suspect)}` +
    `,"truncated_bytes":${record.truncatedBytes}`;
  const fields = new Set(['time', 'time_text', 'level', 'module', 'pid', 'thread', 'message', 'exc_text']);
  for (const name of ['file', 'line', 'recovered', 'unparsed', 'suspect', 'truncated_bytes', 'raw'])
    fields.add(name);
  for (const [key, value] of Object.entries(record.extra ?? {}))
    if (!fields.has(key)) line += `,${q(key)}:${q(value)}`;
  return line + '}';
}

/** Records with an awkward string in every string field, and the odd values of the others. */
function awkwardRecords(): LogRecord[] {
  const records: LogRecord[] = [];
  AWKWARD_STRINGS.forEach((text, i) => {
    const other = AWKWARD_STRINGS[(i * 7 + 3) % AWKWARD_STRINGS.length]!;
    records.push(
      testRecord(text, {
        time: [null, 0, Date.UTC(2024, 0, 20, 16, 30, 0, 123), -1, Date.UTC(10000, 0, 1)][i % 5]!,
        timeText: other,
        level: text,
        module: other,
        pid: [null, 0, 4242, 2 ** 53, 1e21][i % 5]!,
        thread: [140397187553024, null, 1][i % 3]!,
        excText: `Traceback (most recent call last):\n  ${other}\n${text}`,
        extra: i % 4 === 0 ? null : { name: text, [other]: other, level: 'shadowed', raw: 'shadowed' },
        file: i % 2 ? other : 'logs/app.log',
        line: i * 1000 + 1,
        recovered: i % 2 === 0,
        unparsed: i % 3 === 0,
        truncatedBytes: i * 13,
        ...(i % 2 ? { suspect: 'injected' as const } : {}),
      }),
    );
  });
  return records;
}

test('recordJson writes the bytes of the JSON.stringify-built line, within recordJsonMaxBytes', () => {
  for (const record of awkwardRecords()) {
    const max = recordJsonMaxBytes(record);
    const bytes = Buffer.alloc(max + 4);
    const end = recordJson(record, bytes, 2);
    assert.ok(end - 2 <= max);
    assert.equal(bytes.toString('utf8', 2, end), stringifiedLine(record));
    assert.deepEqual(bytes.subarray(2, end), Buffer.from(stringifiedLine(record), 'utf8'));
    assert.equal(recordJsonLine(record), stringifiedLine(record));
  }
});

async function written(format: string, records: readonly LogRecord[], terminal: boolean, flushAt?: number) {
  const stream = Object.assign(new PassThrough(), { isTTY: terminal });
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const output = new Output(stream, flushAt);
  const writer = RECORD_WRITERS[format]!({ output, color: false, terminal, labels: false });
  for (const record of records) writer.write(record, 'app');
  writer.end();
  await output.flush();
  return Buffer.concat(chunks);
}

test('--ndjson and --json through Output: the same bytes as the stringified lines, in a small buffer too', async () => {
  const records = awkwardRecords();
  const lines = records.map(stringifiedLine);
  for (const flushAt of [64, 64 * 1024]) {
    const ndjson = await written('ndjson', records, false, flushAt);
    assert.deepEqual(ndjson, Buffer.from(lines.map((l) => l + '\n').join(''), 'utf8'));
    const json = await written('json', records, false, flushAt);
    assert.deepEqual(json, Buffer.from(`[\n${lines.join(',\n')}\n]\n`, 'utf8'));
  }
});

test('on a terminal the encoded records are escaped like any written text', async () => {
  const records = awkwardRecords();
  const terminal = (await written('ndjson', records, true)).toString('utf8');
  assert.doesNotMatch(terminal, /[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/);
  const parsed = terminal
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as unknown);
  assert.deepEqual(
    parsed,
    records.map((r) => JSON.parse(stringifiedLine(r)) as unknown),
  );
});
