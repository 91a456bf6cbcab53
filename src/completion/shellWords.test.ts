import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { singleQuoted } from './shellWords.js';

test('a single-quoted word reads back as itself in a POSIX shell', () => {
  for (const text of ["check the app's /health", "''", 'a\\b $HOME `x` "y"', '']) {
    const echoed = spawnSync('sh', ['-c', `printf %s ${singleQuoted(text)}`], { encoding: 'utf8' }).stdout;
    assert.equal(echoed, text);
  }
});
