/**
 * CRLF files (Python's text mode on Windows writes '\r\n'): in a record whose every line ends in
 * '\r', the '\r' belongs to the line end, not to the text, so "Traceback" and exception lines
 * read as in an LF file. A record of an LF file keeps a '\r' that ends one of its message lines.
 */
export function withoutCrlfLines(lines: string[]): string[] {
  for (const line of lines) if (line.charCodeAt(line.length - 1) !== 0x0d) return lines;
  return lines.map((line) => line.slice(0, -1));
}

/** The same for a record's text, its lines joined by '\n'. */
export function withoutCrlfText(text: string): string {
  if (text.charCodeAt(text.length - 1) !== 0x0d) return text;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1))
    if (text.charCodeAt(at - 1) !== 0x0d) return text;
  return text.slice(0, -1).replace(/\r\n/g, '\n');
}
