export type Align = 'left' | 'right';

/**
 * Printable ASCII and the '…' that marks a cut sample: one column per character, as cli-table3's
 * string-width counts them (no control, combining, wide or emoji character among them).
 */
const PLAIN = /^[\x20-\x7e…]*$/;

/**
 * The table cli-table3 draws with table.ts's options and no colour, drawn directly when every cell
 * is plain (PLAIN) and every row has a cell per heading: loading and first running cli-table3
 * (string-width and its emoji regex) costs more start-up than the rest of a small `errors count`.
 * Anything else (colour, other characters, ragged rows) returns undefined: cli-table3 draws it.
 * An alignment past the last one given is cli-table3's default, left.
 */
export function plainTable(
  head: readonly string[],
  rows: ReadonlyArray<readonly string[]>,
  align: readonly Align[],
): string | undefined {
  if (head.length === 0) return undefined;
  const widths = head.map((cell) => cell.length);
  for (const row of [head, ...rows]) {
    if (row.length !== head.length) return undefined;
    for (const [i, cell] of row.entries()) {
      if (!PLAIN.test(cell)) return undefined;
      widths[i] = Math.max(widths[i]!, cell.length);
    }
  }
  const rule = (left: string, middle: string, right: string): string =>
    left + widths.map((width) => '─'.repeat(width + 2)).join(middle) + right;
  const line = (row: readonly string[]): string =>
    `│${row.map((cell, i) => ` ${pad(cell, widths[i]!, align[i])} `).join('│')}│`;
  return [rule('┌', '┬', '┐'), line(head), ...rows.map(line), rule('└', '┴', '┘')].join('\n');
}

function pad(cell: string, width: number, align: Align | undefined): string {
  return align === 'right' ? cell.padStart(width) : cell.padEnd(width);
}
