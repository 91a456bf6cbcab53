import { UNREADABLE_MEMBER } from './seriesMember.js';
import type { KeyMigration, MigrationResult } from './guideMigration.js';
import { escapeToOneLine } from '../sinks/safeText.js';

export interface MigrationReport extends MigrationResult {
  readonly dryRun: boolean;
  /** `metrics:*` */
  readonly from: string;
  /** The destination layout and where its keys lie: `host` + `smsmon:{web-1}:metric:<name>`. */
  readonly to: { readonly layout: string; readonly keys: string };
}

export function migrationJson(report: MigrationReport): string {
  const moved = report.keys.reduce((n, k) => n + k.moved, 0);
  return JSON.stringify({ ...report, moved }, null, 2) + '\n';
}

/** One line per key that held something of the guide's, then what was done in all. */
export function migrationText(report: MigrationReport): string {
  const lines = report.keys.map(keyLine(report.dryRun));
  const moved = report.keys.reduce((n, k) => n + k.moved, 0);
  const fromKeys = report.keys.filter((k) => k.moved + k.expired > 0).length;
  const already =
    report.alreadySmsmon > 0 ? ` (${report.alreadySmsmon} key(s) already in smsmon's layout)` : '';
  lines.push(
    fromKeys === 0
      ? `nothing to move: no key of ${report.from} holds samples in the guide's original layout${already}`
      : `${report.dryRun ? 'would move' : 'moved'} ${moved} sample(s) from ${fromKeys} key(s) of ${report.from} ` +
          `into ${report.to.keys} (${report.to.layout} layout)${already}`,
  );
  return lines.join('\n') + '\n';
}

function keyLine(dryRun: boolean): (key: KeyMigration) => string {
  return (key) => {
    const name = escapeToOneLine(key.key);
    if (key.notSortedSet !== undefined) return `${name}: skipped, a ${key.notSortedSet}, not a sorted set`;
    const parts = [`${key.moved} ${dryRun ? 'to move' : 'moved'}`];
    if (key.expired > 0)
      parts.push(`${key.expired} older than the retention ${dryRun ? 'to drop' : 'dropped'}`);
    if (key.changed > 0) parts.push(`${key.changed} changed meanwhile, left for a rerun`);
    if (key.unreadable > 0) {
      const example =
        key.example === undefined ? '' : `, e.g. "${escapeToOneLine(key.example.slice(0, 40))}"`;
      parts.push(`${key.unreadable} unreadable left in place (${UNREADABLE_MEMBER}${example})`);
    }
    return `${name} → ${escapeToOneLine(key.to)}: ${parts.join(', ')}`;
  };
}
