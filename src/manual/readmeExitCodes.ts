/** The README's "Exit codes" section, for the manual's EXIT STATUS: its table and the paragraphs after it. */
export interface ExitCodesSection {
  readonly rows: readonly { code: string; meaning: string }[];
  readonly notes: readonly string[];
}

export function readmeExitCodes(markdown: string): ExitCodesSection {
  const start = markdown.search(/^## Exit codes$/m);
  if (start === -1) throw new Error('README.md has no "## Exit codes" section');
  const body = markdown.slice(start).split('\n').slice(1);
  const end = body.findIndex((line) => line.startsWith('#'));
  const lines = end === -1 ? body : body.slice(0, end);
  const rows = lines
    .filter((line) => /^\|\s*\d+\s*\|/.test(line))
    .map((line) => {
      const [code = '', ...meaning] = line.slice(1, line.lastIndexOf('|')).split('|');
      return { code: code.trim(), meaning: meaning.join('|').trim() };
    });
  const notes = lines
    .filter((line) => !line.startsWith('|'))
    .join('\n')
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/\s*\n\s*/g, ' ').trim())
    .filter(Boolean);
  return { rows, notes };
}
