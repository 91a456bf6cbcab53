import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import type CliTable from 'cli-table3';
import { plainTable, type Align } from './plainTable.js';
import { renderTable } from './table.js';

const Table = createRequire(import.meta.url)('cli-table3') as typeof CliTable;

/** What cli-table3 draws with table.ts's options, off a terminal. */
function cliTable3(head: string[], rows: string[][], align: Align[]): string {
  const table = new Table({
    head,
    colAligns: align,
    style: { head: [], border: [] },
    wordWrap: false,
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  });
  for (const row of rows) table.push(row);
  return `${table.toString()}\n`;
}

/** A seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
}

test('plain tables are byte for byte what cli-table3 draws: random tables of printable ASCII and …', () => {
  const next = random(15);
  const int = (below: number): number => Math.floor(next() * below);
  const cell = (): string =>
    Array.from({ length: int(14) }, () => (next() < 0.05 ? '…' : String.fromCharCode(0x20 + int(95)))).join(
      '',
    );
  for (let n = 0; n < 2000; n++) {
    const columns = 1 + int(6);
    const head = Array.from({ length: columns }, cell);
    const rows = Array.from({ length: int(7) }, () => Array.from({ length: columns }, cell));
    // Sometimes fewer alignments than columns: the rest are cli-table3's default, left.
    const align = Array.from({ length: next() < 0.2 ? int(columns) : columns }, (): Align =>
      next() < 0.5 ? 'left' : 'right',
    );
    const expected = cliTable3(head, rows, align);
    assert.equal(`${plainTable(head, rows, align)}\n`, expected, JSON.stringify({ head, rows, align }));
    assert.equal(renderTable({ head, rows, align, color: false }), expected);
  }
});

test('other characters, ragged rows or colour are left to cli-table3, with the same result as before', () => {
  const align: Align[] = ['left', 'right'];
  for (const odd of ['café', '日本語', '🚀 launch', 'tab\there', 'esc\x1b[31m']) {
    const head = ['type', 'count'];
    const rows = [[odd, '3']];
    assert.equal(plainTable(head, rows, align), undefined, odd);
    assert.equal(renderTable({ head, rows, align, color: false }), cliTable3(head, rows, align));
  }
  assert.equal(plainTable(['a', 'b'], [['only one']], align), undefined);
  assert.equal(plainTable([], [], []), undefined);
  // Colour is ours to decide, whatever cli-table3 guesses of the terminal (CI's stdout is a pipe).
  const colour = renderTable({ head: ['a'], rows: [['b']], align: ['left'], color: true });
  assert.equal(
    colour,
    '\x1b[90m┌───┐\x1b[39m\n' +
      '\x1b[90m│\x1b[39m \x1b[36ma\x1b[39m \x1b[90m│\x1b[39m\n' +
      '\x1b[90m│\x1b[39m b \x1b[90m│\x1b[39m\n' +
      '\x1b[90m└───┘\x1b[39m\n',
  );
});
