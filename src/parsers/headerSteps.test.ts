import { test } from 'node:test';
import assert from 'node:assert/strict';
import { headerFirstBytes, levelNameAt } from './headerSteps.js';
import { LEVEL_PATTERN } from './pythonFormat.js';

test('the level at a position: WARNING before WARN, FATAL and NOTSET too, no level in lower case', () => {
  const at = (text: string) => {
    const name = levelNameAt(Buffer.from(text, 'latin1'), 0);
    return name && Buffer.from(name).toString('latin1');
  };
  assert.equal(at('WARNING x'), 'WARNING');
  assert.equal(at('WARN x'), 'WARN');
  assert.equal(at('FATAL x'), 'FATAL');
  assert.equal(at('NOTSET x'), 'NOTSET');
  assert.equal(at('warning x'), undefined);
});

test('header lines start with the first bytes of the level-line prefix of every level, Level 5 included', () => {
  assert.deepEqual(
    [...headerFirstBytes((level) => level)].sort(),
    [...'CDEFINLW'].map((c) => c.charCodeAt(0)).sort(),
  );
  assert.deepEqual([...headerFirstBytes((level) => `[${level}]`)], [0x5b]);
});

test('the header regex takes the same level names as the byte matchers', () => {
  const levelOnly = new RegExp(`^${LEVEL_PATTERN}$`);
  for (const name of ['DEBUG', 'INFO', 'WARNING', 'WARN', 'ERROR', 'CRITICAL', 'FATAL', 'NOTSET', 'Level 5'])
    assert.match(name, levelOnly);
  for (const name of ['Warning', 'Level', 'TRACE']) assert.doesNotMatch(name, levelOnly);
});
