import type { SourceProblem } from '../core/sourceProblem.js';
import type { ScanStats } from '../operators/scanStats.js';
import { escapeToOneLine } from './safeText.js';
import { MAX_LINE_BYTES, MAX_RECORD_BYTES, MAX_RECORD_LINES } from '../core/recordLimits.js';

const MIB = 1024 * 1024;
/** The caps in words, as the README names them; built when needed, as toLocaleString loads ICU data. */
const truncationRule = (): string =>
  `a line over ${MAX_LINE_BYTES / MIB} MiB, or a record over ${MAX_RECORD_BYTES / MIB} MiB or ` +
  `${MAX_RECORD_LINES.toLocaleString('en-US')} lines`;

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
  if (stats.truncated > 0)
    parts.push(
      `${stats.truncated} ${plural(stats.truncated, 'record')} truncated (${truncationRule()}; truncated_bytes says how much)`,
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
