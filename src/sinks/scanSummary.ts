import type { SourceProblem } from '../core/sourceProblem.js';
import type { ScanStats } from '../operators/scanStats.js';
import { escapeToOneLine } from './safeText.js';

/** "smsmon: cannot read /var/log/app.log.2: a FIFO, not a regular file", one per file. */
export function unreadableLines(problems: readonly SourceProblem[]): string[] {
  return problems.map((p) => `smsmon: cannot read ${escapeToOneLine(p.file)}: ${escapeToOneLine(p.reason)}`);
}

/** One stderr line naming what could not be read cleanly or looks forged; nothing when all was clean. */
export function scanSummaryLine(stats: ScanStats): string | null {
  const parts: string[] = [];
  if (stats.recovered > 0)
    parts.push(`${stats.recovered} ${plural(stats.recovered, 'record')} recovered from invalid JSON`);
  if (stats.unparsed > 0)
    parts.push(
      `${stats.unparsed} ${plural(stats.unparsed, 'line')} matched no format (kept as unparsed records)`,
    );
  if (stats.suspect > 0)
    parts.push(
      `${stats.suspect} ${plural(stats.suspect, 'record')} ${stats.suspect === 1 ? 'looks' : 'look'} injected ` +
        `(a header inside another record's message; see README, "Log injection")`,
    );
  if (parts.length === 0) return null;
  const files = [...stats.filesWithProblems];
  const where =
    files.length <= 3 ? files.join(', ') : `${files.slice(0, 3).join(', ')} and ${files.length - 3} more`;
  return `smsmon: ${parts.join('; ')} in ${where}`;
}

function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}
