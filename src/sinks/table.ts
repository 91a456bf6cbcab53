import { createRequire } from 'node:module';
import type CliTable from 'cli-table3';
import { fitTable, NO_LIMIT, type ColumnFit, type FitInput, type TableWidth } from './fitTable.js';
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
  /** How each column gives way to `width` (fitTable.ts); without it, nothing is cut. */
  fit?: readonly ColumnFit[];
  /** The room the table has; no limit by default. */
  width?: TableWidth;
}

/**
 * Colours are painted here, never by cli-table3, whose colours follow its own guess of the
 * terminal, not the run's decision. SGR codes as chalk writes them; chalk itself is not loaded.
 */
const cyan = (text: string): string => `\x1b[36m${text}\x1b[39m`;
const [GREY_START, GREY_END] = ['\x1b[90m', '\x1b[39m'];

/** cli-table3's border characters (the row rules are turned off below). */
const BORDER_CHARS = {
  top: '─',
  'top-mid': '┬',
  'top-left': '┌',
  'top-right': '┐',
  bottom: '─',
  'bottom-mid': '┴',
  'bottom-left': '└',
  'bottom-right': '┘',
  left: '│',
  right: '│',
  middle: '│',
};
const GREY_BORDERS = Object.fromEntries(
  Object.entries(BORDER_CHARS).map(([name, char]) => [name, `${GREY_START}${char}${GREY_END}`]),
);

/** A text table: a cyan header and grey borders when `color`; cells are escaped by the caller (messages come from the public). */
export function renderTable({ head, rows, align, color, fit, width = NO_LIMIT }: TableSpec): string {
  const text = rows.map((row) => row.map((cell) => (typeof cell === 'number' ? String(cell) : cell)));
  return drawTable(fitTable({ head, rows: text, align, fit }, width), color);
}

function drawTable({ head, rows: cells, align }: FitInput<Align>, color: boolean): string {
  const plain = !color && align ? plainTable(head, cells, align) : undefined;
  if (plain !== undefined) return plain + '\n';
  const Table = loadTable();
  const table = new Table({
    head: color ? head.map((cell) => cyan(cell)) : [...head],
    colAligns: align ? [...align] : undefined,
    style: { head: [], border: [] },
    wordWrap: false,
    // No rule between rows: a long list stays readable.
    chars: { ...(color ? GREY_BORDERS : {}), mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  });
  for (const row of cells) table.push([...row]);
  const text = table.toString();
  // Each border character is painted alone: neighbours join into one run (cells hold no ESC).
  return (color ? text.replaceAll(`${GREY_END}${GREY_START}`, '') : text) + '\n';
}
