import { escapeToOneLine } from './safeText.js';

/**
 * RFC 4180 CSV: fields with a comma, quote, CR or LF are quoted, quotes doubled; CRLF line ends.
 * On a terminal each cell is escaped to one line first: cells hold log text (modules, messages).
 */
export function toCsv(
  head: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<string | number | null>>,
  { terminal = false }: { terminal?: boolean } = {},
): string {
  const line = (cells: ReadonlyArray<string | number | null>): string =>
    cells.map((cell) => csvField(cell, terminal)).join(',') + '\r\n';
  return line(head) + rows.map(line).join('');
}

function csvField(value: string | number | null, terminal: boolean): string {
  if (value === null) return '';
  const text = terminal ? escapeToOneLine(String(value)) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
