import { test } from 'node:test';
import assert from 'node:assert/strict';
import { asctimeParser } from '../core/asctime.js';
import { VERBOSE_FORMAT } from '../core/families.js';
import { wallClockIn } from '../core/timeZone.js';
import { BYTE_MATCHERS, NOT_HEADER, headerMatcherFor, headerMatchersFor } from './headerMatcher.js';
import { UNSURE, headerSteps, validTimeOf } from './headerSteps.js';
import { Random } from '../../test/kit/random.js';
import { compilePythonFormat } from './pythonFormat.js';

const parseTime = asctimeParser(wallClockIn('UTC'));

/**
 * Every matcher of a format (the byte ones, then the regex) gives the same answers on every line;
 * returns how many lines each byte matcher answered on the bytes alone (not UNSURE).
 */
function agree(formatText: string, lines: readonly string[]): number[] {
  const format = compilePythonFormat(formatText);
  const matchers = headerMatchersFor(format, parseTime);
  const regex = matchers.at(-1)!;
  assert.equal(regex.onBytes, false, formatText);
  assert.ok(matchers.length > 1, `a byte matcher takes ${formatText}`);
  const steps = headerSteps(format)!;
  const byteMatches = BYTE_MATCHERS.map((matcher) => matcher(steps, validTimeOf(parseTime)));
  const answered = byteMatches.map(() => 0);
  for (const line of lines) {
    const bytes = Buffer.from(line + '\nINFO next line', 'utf8');
    const header = regex.headerOf(line);
    const want = header === null ? NOT_HEADER : Buffer.byteLength(header.captures[0]);
    for (const [i, matcher] of matchers.entries()) {
      const which = `${formatText}, matcher ${i}: ${JSON.stringify(line)}`;
      assert.equal(matcher.messageStart(bytes, 0), want, which);
      assert.equal(matcher.headerOf(line)?.time, header?.time, which);
    }
    byteMatches.forEach((match, i) => {
      const got = match?.(bytes, 0);
      if (got === undefined || got === UNSURE) return;
      answered[i]!++;
      assert.equal(got, want, `${formatText}, ${BYTE_MATCHERS[i]!.name}: ${JSON.stringify(line)}`);
    });
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
  for (const answered of agree(VERBOSE_FORMAT, LINES)) assert.ok(answered >= LINES.length - 1);
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
  for (const answered of agree(VERBOSE_FORMAT, lines)) assert.ok(answered > lines.length / 2);
});

test('padded and other formats, with backtracking', () => {
  const padded = [
    `INFO     ${T} views: hi`,
    `WARNING  ${T} a: b: c`,
    `ERROR ${T} x:y: z`,
    `DEBUG    ${T} : no name`,
  ];
  // Runs that must give bytes back: straight-line code declines them, the step interpreter answers.
  assert.deepEqual(agree('%(levelname)-8s %(asctime)s %(name)s: %(message)s', padded), [0, padded.length]);
  const dashes = [`${T} a-b-c-d - INFO - msg`, `${T} a - INFO - msg - x`, `${T} - INFO - msg`];
  assert.deepEqual(agree('%(asctime)s %(name)s-%(levelname)s - %(message)s', dashes), [0, dashes.length]);
  const digits = [`${T} 123456 msg`, `${T} 1 msg`, `${T} x msg`];
  assert.deepEqual(agree('%(asctime)s %(process)d%(thread)d %(message)s', digits), [0, digits.length]);
});

test('formats with a piece the byte matchers do not know get the regex', () => {
  for (const text of [
    '%(asctime)s %(threadName)s %(message)s',
    '%(created)f %(message)s',
    '%(asctime)s %(levelname)s',
  ]) {
    const format = compilePythonFormat(text);
    assert.equal(headerSteps(format), null, text);
    assert.equal(headerMatcherFor(format, parseTime).onBytes, false, text);
    assert.equal(headerMatchersFor(format, parseTime).length, 1, text);
  }
});

test("the guide's format is matched on bytes, by the first byte matcher that takes it", () => {
  const matcher = headerMatcherFor(compilePythonFormat(VERBOSE_FORMAT), parseTime);
  assert.equal(matcher.onBytes, true);
  const line = `ERROR ${T} views 1 2 boom`;
  assert.equal(matcher.messageStart(Buffer.from(line), 0), line.length - 'boom'.length);
  assert.deepEqual(matcher.headerOf(line)?.captures.slice(1), ['ERROR', T, 'views', '1', '2']);
  assert.equal(matcher.headerOf(line)?.time, Date.UTC(2024, 0, 20, 16, 30, 5, 123));
});
