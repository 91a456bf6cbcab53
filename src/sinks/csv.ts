/** RFC 4180 CSV: fields with a comma, quote, CR or LF are quoted, quotes doubled; CRLF line ends. */
export function toCsv(
  head: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<string | number | null>>,
): string {
  const line = (cells: ReadonlyArray<string | number | null>): string =>
    cells.map(csvField).join(',') + '\r\n';
  return line(head) + rows.map(line).join('');
}

function csvField(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
