import { createRequire } from 'node:module';
import type CliTable from 'cli-table3';

/** cli-table3, loaded when a table is first drawn: --json runs never draw one (~5 ms of start-up). */
let tableClass: typeof CliTable | undefined;
const loadTable = (): typeof CliTable =>
  (tableClass ??= createRequire(import.meta.url)('cli-table3') as typeof CliTable);

export type Align = 'left' | 'right';

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
  const Table = loadTable();
  const table = new Table({
    head: [...head],
    colAligns: align ? [...align] : undefined,
    style: color ? { head: ['cyan'], border: ['grey'] } : { head: [], border: [] },
    wordWrap: false,
    // No rule between rows: a long list stays readable.
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  });
  for (const row of rows) table.push(row.map((cell) => (typeof cell === 'number' ? String(cell) : cell)));
  return table.toString() + '\n';
}
