import { createRequire } from 'node:module';
import type CliTable from 'cli-table3';
import { plainTable, type Align } from './plainTable.js';

/** cli-table3, loaded when it first draws a table: --json runs and plain tables never need it. */
let tableClass: typeof CliTable | undefined;
const loadTable = (): typeof CliTable =>
  (tableClass ??= createRequire(import.meta.url)('cli-table3') as typeof CliTable);

export type { Align };

export interface TableSpec {
  head: readonly string[];
  rows: ReadonlyArray<ReadonlyArray<string | number>>;
  align?: readonly Align[];
  /** Colour the header (a terminal without NO_COLOR). */
  color: boolean;
}

/**
 * A text table. cli-table3 colours the header even when piped, so off a terminal the style is
 * emptied; cells are escaped by the caller (messages come from the public).
 */
export function renderTable({ head, rows, align, color }: TableSpec): string {
  const cells = rows.map((row) => row.map((cell) => (typeof cell === 'number' ? String(cell) : cell)));
  const plain = !color && align ? plainTable(head, cells, align) : undefined;
  if (plain !== undefined) return plain + '\n';
  const Table = loadTable();
  const table = new Table({
    head: [...head],
    colAligns: align ? [...align] : undefined,
    style: color ? { head: ['cyan'], border: ['grey'] } : { head: [], border: [] },
    wordWrap: false,
    // No rule between rows: a long list stays readable.
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  });
  for (const row of cells) table.push(row);
  return table.toString() + '\n';
}
