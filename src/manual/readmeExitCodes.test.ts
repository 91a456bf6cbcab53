import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readmeExitCodes } from './readmeExitCodes.js';

test('the exit-code table and the paragraphs after it, up to the next heading', () => {
  const markdown = `# x\n\n## Exit codes\n\n| code | meaning |\n|---|---|\n| 0 | ok |\n| 2 | usage: a | b |\n\nFirst\nnote.\n\nSecond.\n\n## Next\n\n| 9 | not this |\n`;
  assert.deepEqual(readmeExitCodes(markdown), {
    rows: [
      { code: '0', meaning: 'ok' },
      { code: '2', meaning: 'usage: a | b' },
    ],
    notes: ['First note.', 'Second.'],
  });
  assert.throws(() => readmeExitCodes('# none'), /no "## Exit codes"/);
});

test("the README's own table is found: every row a code with its meaning", () => {
  const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
  const { rows } = readmeExitCodes(readme);
  for (const code of ['0', '1', '2', '3', '70'])
    assert.ok(
      rows.some((row) => row.code === code),
      code,
    );
  for (const row of rows) assert.match(row.meaning, /\w/);
});
