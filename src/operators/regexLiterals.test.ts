import { test } from 'node:test';
import assert from 'node:assert/strict';
import { requiredLiteral, requiredLiterals } from './regexLiterals.js';

test('the literals every match contains: words, runs, groups and small alternations', () => {
  const cases: Array<[string, string[] | null]> = [
    ['twilio', ['twilio']],
    ['Twilio error 500', ['Twilio error 500']],
    [String.raw`took \d+ms`, ['took ']],
    [String.raw`processing_time=\d+\.\d+`, ['processing_time=']],
    [String.raw`duration\.ms: \d`, ['duration.ms: ']],
    ['colou?r took', ['r took']],
    ['abc+def', ['abc']], // 'c+': the run stops after its first 'c'
    ['xyzw{0,2}took', ['took']],
    ['xyzw{1,2}q', ['xyzw']],
    ['timeout|refused', ['timeout', 'refused']],
    ['sms (sent|failed)', ['sms ']],
    ['(sent|failed) sms', [' sms']], // as long as the shortest branch, and one search
    ['(sent|failed) to', ['sent', 'failed']],
    ['(?:sent|failed)', ['sent', 'failed']],
    ['(?<verb>sent|failed)x', ['sent', 'failed']],
    ['(twilio)+', ['twilio']],
    ['^Traceback', ['Traceback']],
    ['error$', ['error']],
    [String.raw`\bconnection refused\b`, ['connection refused']],
    ['a]b]c', ['a]b]c']],
    ['x{foo}', ['x{foo}']], // not a quantifier: literal braces
    [String.raw`(a)\1 twilio`, [' twilio']],
    [String.raw`\k<v>abc(?<v>x)`, ['abc']],
    [String.raw`\x41\x42\x43 twilio`, [' twilio']],
    ['Réponse envoyée', ['ponse envoy']], // non-ASCII ends a literal
    [String.raw`\p{L}+`, ['{L}']], // without the 'u' flag: 'p', then the text '{L}'
    ['(?=twilio)tw', null], // a lookahead's text is not taken
    ['(?!twilio)abc', ['abc']],
    ['(?<=sms )sent', ['sent']],
  ];
  for (const [source, literals] of cases) assert.deepEqual(requiredLiterals(source), literals, source);
});

test('null whenever a match need not contain a literal', () => {
  const cases = [
    '.*',
    String.raw`\d+`,
    '[twilio]+',
    'ab', // too short to be worth a search
    'timeout|', // an empty branch matches anything
    'timeout|ab', // a branch without a literal long enough
    '(?:twilio)?x',
    '(?:twilio)*',
    '(?:twilio){0,3}',
    'a|b|c|d|e|f|g|h|i',
    'one1|two2|thr3|fou4|fiv5|six6|sev7|eig8|nin9',
    '(?i:twilio)', // a flag modifier: not understood
    String.raw`\x4|twilio`, // '\x4' is 'x4': the '|' still splits
    String.raw`\u00e9t\u00e9`,
    '😀😀😀',
    'éèà',
    'a\nb\nc',
  ];
  for (const source of cases) assert.equal(requiredLiterals(source), null, source);
});

test('every match of the regex contains one of its literals (generated texts)', () => {
  const sources = [
    'colou?r took',
    'abc+def',
    'xyzw{1,2}q',
    'sms (sent|failed)',
    '(sent|failed) sms',
    'timeout|refused',
    String.raw`\x4|refused`,
    'c\\dr(ab|cd)+x',
  ];
  const texts = [
    'color took 5',
    'colour took 5',
    'abcccdef 1',
    'abcdef 2',
    'xyzwq1',
    'xyzwwq2',
    'sms sent',
    'failed sms',
    'x4',
    'refused',
    'timeout',
    'c1rababx',
    'c1rcdx',
  ];
  for (const source of sources) {
    const literals = requiredLiterals(source);
    for (const text of texts)
      for (const flags of ['', 'i'])
        if (new RegExp(source, flags).test(text))
          assert.ok(
            literals === null || literals.some((l) => text.toLowerCase().includes(l.toLowerCase())),
            `${source} ${text}`,
          );
  }
});

test("a --pattern's keyword: the one literal every match contains", () => {
  const cases: Array<[string, string | undefined]> = [
    [String.raw`took (?<value>\d+)ms`, 'took '],
    [String.raw`in (?<value>[\d.]+)s tokens`, 's tokens'],
    [String.raw`processing_time=(?<value>\d+\.\d+)`, 'processing_time='],
    [String.raw`(?<![\w])processing_time=(?<value>\d+)`, 'processing_time='],
    [String.raw`duration\.ms: (?<value>\d+)`, 'duration.ms: '],
    [String.raw`colou?r took (?<value>\d+)`, 'r took '],
    [String.raw`abc+def (?<value>\d)`, 'def '],
    [String.raw`xyzw{0,2}took (?<value>\d)`, 'took '],
    [String.raw`xyzw{1,2}q(?<value>\d)`, 'xyzw'],
    [String.raw`\x41\x42\x43 (?<value>\d)`, undefined],
    [String.raw`\u00e9t\u00e9 (?<value>\d)`, undefined],
    [String.raw`[took]+ (?<value>\d+)`, undefined],
    [String.raw`a]b]c (?<value>\d)`, 'a]b]c '],
    [String.raw`took (?<value>\d+)|spent (?<value2>\d+)`, undefined],
    [String.raw`(?:took|spent) (?<value>\d+)`, undefined],
    [String.raw`^took: (?<value>\d+)$`, 'took: '],
    [String.raw`(?<value>\d+)ms`, undefined],
    [String.raw`(a(b)[)]c)took x (?<value>\d)`, 'took x '],
    [String.raw`\1abc (?<value>\d)`, 'abc '],
    [String.raw`\k<v>abc (?<v>\d)`, 'abc '],
    [String.raw`Réponse en (?<value>\d+)`, 'ponse en '],
  ];
  for (const [source, literal] of cases) assert.equal(requiredLiteral(source), literal, source);
});

test('every match of a --pattern contains its keyword (a generated check)', () => {
  const sources = [
    String.raw`colou?r took (?<value>\d+)`,
    String.raw`abc+def (?<value>\d)`,
    String.raw`xyzw{1,2}q(?<value>\d)`,
  ];
  const texts = ['color took 5', 'colour took 5', 'abcccdef 1', 'abcdef 2', 'xyzwq1', 'xyzwwq2'];
  for (const source of sources) {
    const literal = requiredLiteral(source)!;
    for (const text of texts)
      if (new RegExp(source).test(text)) assert.ok(text.includes(literal), `${source} ${text}`);
  }
});
