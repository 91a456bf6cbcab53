import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCorpus } from '../../../test/kit/corpus.js';
import { FAMILIES, VERBOSE_FORMAT } from '../../core/families.js';
import type { LogRecord } from '../../core/record.js';
import { wallClockIn } from '../../core/timeZone.js';
import { discoverFamily } from '../../sources/discover.js';
import type { LogInput } from '../../sources/resolveInputs.js';
import { buildRecordFilter, compileGrep } from '../../operators/recordFilter.js';
import { requiredLiterals } from '../../operators/regexLiterals.js';
import { recordsOfInput } from './inputRecords.js';

/**
 * The --grep prefilter against the full scan: for each regex, the records that match when only
 * the records around a literal's hit are read are the ones that match when every record is read.
 * The injection check compares a record with the records read around it (README, "Log
 * injection"), so its verdict is left out of the comparison.
 */
const dir = mkdtempSync(join(tmpdir(), 'smsmon-grepprefilter-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const wallClock = wallClockIn('UTC');

const REGEXES: Array<[string, boolean]> = [
  ['twilio', false],
  ['twilio', true],
  ['TWILIO', true],
  ['Traceback', false],
  ['refused|timeout', false],
  ['ValueError|KeyError|openai', true],
  ['(sent|delivered) to', false],
  ['[Tt]wilio error', false],
  [String.raw`processing_time=\d+(\.\d+)?s`, false],
  ['colou?r sms', true],
  [String.raw`^Request summary:\s+processing`, false],
  ['summary:$', false],
  [String.raw`sms\.send|sms_send`, true],
  ['(?<kind>Rate)Limit', false],
  ['Réponse', false],
  ['réponse', true], // only 'ponse' is searched, case-blind
  ['line end\nnext', false], // a newline in the regex ends a literal
  [String.raw`twil\nio`, false], // a match across a line end, CRLF lines read as LF
  [String.raw`windows twilio\nsecond`, true],
  ['views 1 2', false], // header text: --grep does not look there
  ['INFO', false],
  ['only in a traceback', false],
  ['only in a traceback', true],
  ['not anywhere at all', false],
];

async function records(
  input: LogInput,
  grep?: { source: string; ignoreCase: boolean },
  formatOverride?: string,
): Promise<LogRecord[]> {
  const out: LogRecord[] = [];
  for await (const batch of recordsOfInput(input, { wallClock, grep, formatOverride })) out.push(...batch);
  return out;
}

/** What `logs search --grep` keeps of each record, without the injection verdict. */
function kept(all: readonly LogRecord[], grep: { source: string; ignoreCase: boolean }): LogRecord[] {
  const filter = buildRecordFilter({ grep: compileGrep(grep.source, grep.ignoreCase) });
  return all.filter(filter).map(({ suspect: _suspect, ...record }) => record);
}

async function assertSameMatches(input: LogInput, formatOverride?: string): Promise<number> {
  const full = await records(input, undefined, formatOverride);
  let matched = 0;
  for (const [source, ignoreCase] of REGEXES) {
    const grep = { source, ignoreCase };
    const expected = kept(full, grep);
    const actual = kept(await records(input, grep, formatOverride), grep);
    assert.deepEqual(actual, expected, `${input.label}: ${ignoreCase ? '-i ' : ''}--grep ${source}`);
    matched += expected.length;
  }
  return matched;
}

async function family(root: string, name: string): Promise<LogInput> {
  const definition = FAMILIES[name]!;
  const sources = await discoverFamily(root, definition.fileName);
  return { label: `${root}:${name}`, sources, format: definition.format, livePath: null };
}

before(async () => {
  // Several 256 KiB chunks per file, rotations gzipped from .2 on, the rare records mixed in.
  await generateCorpus({
    dir: join(dir, 'corpus'),
    records: 12_000,
    seed: 11,
    maxBytes: { app: 600_000, errors: 300_000, sms: 200_000 },
    gzipFrom: 2,
    edgeCases: true,
  });
});

test('the prefilter reads fewer records than the full scan, and the same matches', async () => {
  assert.deepEqual(requiredLiterals('twilio'), ['twilio']);
  assert.deepEqual(requiredLiterals('réponse'), ['ponse']);
  const input = await family(join(dir, 'corpus'), 'app');
  const grep = { source: 'Twilio', ignoreCase: true };
  const [full, read] = [await records(input), await records(input, grep)];
  assert.ok(read.length * 2 < full.length, `${read.length} of ${full.length} records read`);
  assert.deepEqual(kept(read, grep), kept(full, grep));
});

for (const name of ['app', 'errors', 'sms']) {
  test(`same matches as the full scan: fixtures/logs ${name}`, async () => {
    assert.ok((await assertSameMatches(await family('fixtures/logs', name))) > 0);
  });
  test(`same matches as the full scan: generated edge-case corpus ${name}, .gz rotations`, async () => {
    assert.ok((await assertSameMatches(await family(join(dir, 'corpus'), name))) > 0);
  });
}

const H = (second: number, message: string, level = 'INFO') =>
  `${level} 2024-01-20 16:30:${String(second).padStart(2, '0')},000 views 1 2 ${message}\n`;

test('same matches on a hand-made file: tracebacks, split literals, CRLF, UTF-8, no final newline', async () => {
  const file = join(dir, 'edge.log');
  const traceback = 'Traceback (most recent call last):\n  File "x.py", line 1, in f\n';
  const crlf = H(5, 'windows twilio\r\nsecond line ONLY IN A TRACEBACK?\r').replace(/\n$/, '\r\n');
  const pieces = [
    'stray twilio line before any header\nstray 2\n',
    H(0, 'plain Twilio mention'),
    H(1, 'Request summary:\n  processing_time=1.25s\n  done'),
    H(2, 'failed', 'ERROR') + traceback + 'ValueError: only in a traceback\n',
    H(3, 'Réponse envoyée à +33 (RÉPONSE)'),
    H(4, 'a line end\nnext line; twil\nio split'),
    crlf,
    'ERROR 2024-02-30 16:30:06,000 views 1 2 not a real date: twilio continues\n',
    H(7, 'Summary:').replace('views', 'twilio'),
    H(8, 'sms.send colour sms RateLimit').trimEnd(),
  ];
  writeFileSync(file, pieces.join(''));
  const input: LogInput = { label: file, sources: [], format: VERBOSE_FORMAT, livePath: null };
  input.sources.push(...(await discoverFamily(dir, 'edge.log')));
  assert.ok((await assertSameMatches(input)) > 5);
});

test('a record past the line cap, a hit only in its last lines', async () => {
  const file = join(dir, 'capped.log');
  const filler = Array.from({ length: 10_050 }, (_, i) => `  frame ${i}`).join('\n');
  writeFileSync(file, H(0, 'before') + H(1, `huge\n${filler}\nonly in a traceback`) + H(2, 'twilio after'));
  const input: LogInput = { label: file, sources: [], format: VERBOSE_FORMAT, livePath: null };
  input.sources.push(...(await discoverFamily(dir, 'capped.log')));
  assert.ok((await assertSameMatches(input)) >= 2);
});

test('same matches in a format of its own (--format), one input of several formats', async () => {
  const file = join(dir, 'custom.log');
  const at = (second: number) => `2024-01-20 16:30:${String(second).padStart(2, '0')},000`;
  writeFileSync(file, `INFO|${at(0)}|views|twilio sent\nERROR|${at(1)}|tasks|failed\n`);
  appendFileSync(file, `Traceback (most recent call last):\nValueError: only in a traceback\n`);
  appendFileSync(file, `INFO|${at(2)}|views|Réponse refused\nnot a header twilio\n`);
  const input: LogInput = { label: file, sources: [], livePath: null };
  input.sources.push(...(await discoverFamily(dir, 'custom.log')));
  assert.ok((await assertSameMatches(input, '%(levelname)s|%(asctime)s|%(module)s|%(message)s')) > 3);
  // A family's files and a file of another format, read one after the other.
  const mixed = await family('fixtures/logs', 'sms');
  mixed.sources.push(...(await discoverFamily('fixtures/logs', 'app.log')));
  mixed.format = undefined;
  assert.ok((await assertSameMatches(mixed)) > 0);
});

test('lines not shown are not counted: the same records, each with line 0', async () => {
  const input = await family(join(dir, 'corpus'), 'app');
  for (const grep of [{ source: 'twilio', ignoreCase: true }, undefined]) {
    const counted = await records(input, grep);
    const uncounted: LogRecord[] = [];
    for await (const batch of recordsOfInput(input, { wallClock, grep, lineNumbers: false }))
      uncounted.push(...batch);
    assert.ok(counted.some((r) => r.line > 1));
    // The every-record reader numbers lines as it splits them, at no cost, so it keeps them.
    const expected = grep ? counted.map((r) => ({ ...r, line: 0 })) : counted;
    assert.deepEqual(uncounted, expected);
  }
});
