import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCorpus } from '../../../../test/kit/corpus.js';
import { FAMILIES, VERBOSE_FORMAT } from '../../../core/families.js';
import type { LogRecord } from '../../../core/record.js';
import { wallClockIn } from '../../../core/timeZone.js';
import { discoverFamily } from '../../../sources/discover.js';
import type { LogInput } from '../../../sources/resolveInputs.js';
import { compilePythonFormat } from '../../../parsers/pythonFormat.js';
import { recordsOfInput } from '../inputRecords.js';
import { moduleTextOf } from './moduleFinder.js';

/**
 * --module through the module finder against the full scan: the records of the wanted modules
 * are the same (the injection verdict, judged among the records read, left out), and fewer are read.
 */
const dir = mkdtempSync(join(tmpdir(), 'smsmon-modulefinder-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const wallClock = wallClockIn('UTC');

async function read(input: LogInput, modules?: string[]): Promise<LogRecord[]> {
  const out: LogRecord[] = [];
  for await (const batch of recordsOfInput(input, { wallClock, modules })) out.push(...batch);
  return out;
}

function ofModules(records: readonly LogRecord[], modules: readonly string[]): LogRecord[] {
  return records.filter((r) => modules.includes(r.module)).map(({ suspect: _suspect, ...record }) => record);
}

async function assertSame(input: LogInput, modules: string[]): Promise<[number, number, number]> {
  const full = await read(input);
  const fewer = await read(input, modules);
  const expected = ofModules(full, modules);
  assert.deepEqual(ofModules(fewer, modules), expected, `${input.label} ${modules.join()}`);
  return [expected.length, fewer.length, full.length];
}

before(async () => {
  await generateCorpus({
    dir,
    records: 12_000,
    seed: 5,
    maxBytes: { app: 600_000, errors: 300_000 },
    gzipFrom: 2,
    edgeCases: true,
  });
});

test('the text a header of a module holds, when the format marks it', () => {
  const text = moduleTextOf(compilePythonFormat(VERBOSE_FORMAT).headerPieces);
  assert.equal(text?.('views'), ' views ');
  assert.equal(moduleTextOf(compilePythonFormat('%(module)-10s %(message)s').headerPieces), null);
  assert.equal(moduleTextOf(compilePythonFormat('%(module)s%(process)d %(message)s').headerPieces), null);
});

for (const [root, name] of [
  ['fixtures/logs', 'app'],
  ['fixtures/logs', 'errors'],
  [dir, 'app'],
  [dir, 'errors'],
] as const) {
  test(`same records of the wanted modules as the full scan: ${root} ${name}`, async () => {
    const definition = FAMILIES[name]!;
    const sources = await discoverFamily(root, definition.fileName);
    const input = { label: name, sources, format: definition.format, livePath: null };
    const [views] = await assertSame(input, ['views']);
    assert.ok(name === 'errors' || views > 0);
    await assertSame(input, ['tasks', 'twilio_service']);
    const [none] = await assertSame(input, ['no_such_module']);
    assert.equal(none, 0);
  });
}

test('a module named in a message, on a continuation line, and a header that only looks like one', async () => {
  const file = join(dir, 'edge.log');
  const at = (second: number) => `2024-01-20 16:30:${String(second).padStart(2, '0')},000`;
  const lines = [
    'stray views line',
    `INFO ${at(0)} tasks 1 2 calls views now`,
    ' views on a continuation line',
    `INFO ${at(1)} views 1 2 wanted`,
    `INFO 2024-02-30 16:30:02,000 views 1 2 no real date: continues the record before`,
    `ERROR ${at(3)} views 3 4 crlf\r`,
    `INFO ${at(4)} viewsets 1 2 other module`,
  ];
  writeFileSync(file, lines.join('\n'));
  const input = {
    label: file,
    sources: await discoverFamily(dir, 'edge.log'),
    format: VERBOSE_FORMAT,
    livePath: null,
  };
  const [wanted, read, all] = await assertSame(input, ['views']);
  assert.deepEqual([wanted, read < all], [2, true]);
});
