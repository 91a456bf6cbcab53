import { Chalk } from 'chalk';

/** Colour is decided by the caller (a terminal without NO_COLOR), not by chalk's own detection. */
const chalk = new Chalk({ level: 1 });
import type { CheckResult, CheckStatus } from '../core/doctorCheck.js';
import { wrapToWidth } from './displayWidth.js';
import { NO_LIMIT, type TableWidth } from './fitTable.js';
import { escapeControls, escapeToOneLine } from './safeText.js';

const LABELS: Readonly<Record<CheckStatus, string>> = { pass: 'PASS', warn: 'WARN', fail: 'FAIL' };
const COLORS: Readonly<Record<CheckStatus, (text: string) => string>> = {
  pass: chalk.green,
  warn: chalk.yellow,
  fail: chalk.red,
};

export function summaryOf(checks: readonly CheckResult[]): Record<CheckStatus, number> {
  const counts = { pass: 0, warn: 0, fail: 0 };
  for (const check of checks) counts[check.status]++;
  return counts;
}

/** `PASS  redis        redis://127.0.0.1:6379 answered in 2 ms`, hints and further lines indented under it. */
export function doctorText(
  checks: readonly CheckResult[],
  color: boolean,
  { limit }: TableWidth = NO_LIMIT,
): string {
  const width = Math.max(...checks.map((c) => c.name.length));
  const indent = `      ${' '.repeat(width)}  `;
  // Prose longer than the room is wrapped under its own start; --json has each on one line.
  const fit = (text: string, under: string) => wrapToWidth(text, limit - under.length).join(`\n${under}`);
  const lines = checks.map((check) => {
    const label = color ? COLORS[check.status](LABELS[check.status]) : LABELS[check.status];
    const line = `${label}  ${check.name.padEnd(width)}  ${fit(escapeToOneLine(check.detail), indent)}`;
    const hint = check.hint ? `\n${indent}→ ${fit(escapeToOneLine(check.hint), `${indent}  `)}` : '';
    const more = (check.more ?? []).map((text) => `\n${indent}  ${fit(escapeControls(text), `${indent}  `)}`);
    return line + hint + more.join('');
  });
  const { pass, warn, fail } = summaryOf(checks);
  return `${lines.join('\n')}\n\n${pass} passed, ${warn} warning(s), ${fail} failed\n`;
}

export function doctorJson(checks: readonly CheckResult[]): string {
  return JSON.stringify({ summary: summaryOf(checks), checks }, null, 2) + '\n';
}
