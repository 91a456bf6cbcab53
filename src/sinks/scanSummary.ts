import type { ScanStats } from '../operators/scanStats.js';
import { escapeToOneLine } from './safeText.js';

/** One stderr line naming what could not be read cleanly; nothing when all was clean. */
export function scanSummaryLine(stats: ScanStats): string | null {
  const parts: string[] = [];
  if (stats.recovered > 0)
    parts.push(`${stats.recovered} ${plural(stats.recovered, 'record')} recovered from invalid JSON`);
  if (stats.unparsed > 0)
    parts.push(
      `${stats.unparsed} ${plural(stats.unparsed, 'line')} matched no format (kept as unparsed records)`,
    );
  if (parts.length === 0) return null;
  // File names are anyone's choice: a name can carry escapes too.
  const files = [...stats.filesWithProblems].map(escapeToOneLine);
  const where =
    files.length <= 3 ? files.join(', ') : `${files.slice(0, 3).join(', ')} and ${files.length - 3} more`;
  return `smsmon: ${parts.join('; ')} in ${where}`;
}

function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}
