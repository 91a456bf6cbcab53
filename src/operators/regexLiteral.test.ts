import { test } from 'node:test';
import assert from 'node:assert/strict';
import { requiredLiteral } from './regexLiteral.js';

test('the longest literal every match contains, from the top level only', () => {
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

test('every match of the regex contains the literal (a generated check)', () => {
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
