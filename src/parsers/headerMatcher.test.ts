import { test } from 'node:test';
import assert from 'node:assert/strict';
import { asctimeParser } from '../core/asctime.js';
import { VERBOSE_FORMAT } from '../core/families.js';
import { wallClockIn } from '../core/timeZone.js';
import { HeaderBytes, NOT_HEADER, UNSURE } from './headerBytes.js';
import { Random } from '../../test/kit/random.js';
import { compilePythonFormat } from './pythonFormat.js';
import { RecordAssembler } from './recordAssembler.js';

/** The byte matcher must agree with the format's regex (and date check) wherever it answers. */
function agree(formatText: string, lines: readonly string[]): number {
  const format = compilePythonFormat(formatText);
  const parseTime = asctimeParser(wallClockIn('UTC'));
  const matcher = HeaderBytes.compile(format, parseTime);
  assert.ok(matcher, `compiles ${formatText}`);
  const assembler = new RecordAssembler({ format, parseTime, file: 'x' });
  let answered = 0;
  for (const line of lines) {
    const bytes = Buffer.from(line + '\nINFO next line', 'utf8');
    const got = matcher.match(bytes, 0);
    const length = assembler.headerLength(line);
    const want = length < 0 ? NOT_HEADER : Buffer.byteLength(line.slice(0, length));
    // Straight-line code where the format allows it, the step interpreter elsewhere: one answer.
    assert.equal(matcher.matchBySteps(bytes, 0), got, `${formatText}: by steps ${JSON.stringify(line)}`);
    if (got === UNSURE) continue;
    answered++;
    assert.equal(got, want, `${formatText}: ${JSON.stringify(line)}`);
  }
  return answered;
}

const T = '2024-01-20 16:30:05,123';
const LINES = [
  `INFO ${T} views 1 2 hello`,
  `WARNING ${T} views 1 2 hello`,
  `WARN ${T} views 1 2 hello`,
  `WARNINGX ${T} views 1 2 hello`,
  `Level 5 ${T} views 1 2 hello`,
  `Level ${T} views 1 2 hello`,
  `CRITICAL ${T} a.b-c 12 34 `,
  `CRITICAL ${T} a.b-c 12 34`,
  `INFO 2024-02-30 16:30:05,123 views 1 2 no such day`,
  `INFO 2024-02-29 16:30:05,123 views 1 2 leap day`,
  `INFO 2023-02-29 16:30:05,123 views 1 2 not a leap year`,
  `INFO 2024-01-20 24:30:05,123 views 1 2 hour 24`,
  `INFO 2024-01-20 16:30:60,123 views 1 2 second 60`,
  `INFO 2024-01-20 16:30:59,999 views 1 2 second 59`,
  `INFO 2024-01-20 16:30:05.123 views 1 2 dot`,
  `INFO ${T} vi"ews 1 2 quote`,
  `INFO ${T} views x 2 not a pid`,
  `INFO ${T}  views 1 2 two spaces`,
  `INFO ${T} vïews 1 2 UTF-8 name`,
  `  File "x.py", line 3, in f`,
  `Traceback (most recent call last):`,
  `INFO`,
  ``,
  `INFO ${T} views 1 2`,
];

test('the verbose format: every answer equals the regex', () => {
  assert.ok(agree(VERBOSE_FORMAT, LINES) >= LINES.length - 1);
});

test('the verbose format, lines mutated at random: every answer equals the regex', () => {
  const random = new Random(7);
  const alphabet = [...' 0123456789-:,.INFOWARNGEDBUCTLv"\té\u00a0'];
  const lines: string[] = [];
  for (const line of LINES) {
    for (let i = 0; i < 300; i++) {
      const chars = [...line];
      for (let edits = random.int(1, 3); edits > 0; edits--) {
        const at = random.int(0, chars.length);
        const c = random.pick(alphabet);
        const kind = random.next();
        if (kind < 0.4) chars.splice(at, 1, c);
        else if (kind < 0.7) chars.splice(at, 0, c);
        else chars.splice(at, 1);
      }
      lines.push(chars.join(''));
    }
  }
  assert.ok(agree(VERBOSE_FORMAT, lines) > lines.length / 2);
});

test('padded and other formats, with backtracking', () => {
  const padded = [
    `INFO     ${T} views: hi`,
    `WARNING  ${T} a: b: c`,
    `ERROR ${T} x:y: z`,
    `DEBUG    ${T} : no name`,
  ];
  assert.ok(agree('%(levelname)-8s %(asctime)s %(name)s: %(message)s', padded) === padded.length);
  const dashes = [`${T} a-b-c-d - INFO - msg`, `${T} a - INFO - msg - x`, `${T} - INFO - msg`];
  assert.equal(agree('%(asctime)s %(name)s-%(levelname)s - %(message)s', dashes), dashes.length);
  const digits = [`${T} 123456 msg`, `${T} 1 msg`, `${T} x msg`];
  assert.equal(agree('%(asctime)s %(process)d%(thread)d %(message)s', digits), digits.length);
});

test('formats with a piece the byte matcher does not know leave it off', () => {
  const parseTime = asctimeParser(wallClockIn('UTC'));
  for (const text of [
    '%(asctime)s %(threadName)s %(message)s',
    '%(created)f %(message)s',
    '%(asctime)s %(levelname)s',
  ]) {
    assert.equal(HeaderBytes.compile(compilePythonFormat(text), parseTime), null, text);
  }
});
