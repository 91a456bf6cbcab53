import { UNREADABLE_MEMBER } from './seriesMember.js';
import type { KeySummary } from './seriesKeys.js';
import { escapeToOneLine } from '../sinks/safeText.js';

/** Why the guide's own keys are empty: said wherever smsmon finds them so. */
export const GUIDE_TRIM_CAUSE =
  "the guide's store_metrics trims with zremrangebyscore(key, 0, cutoff) where its zadd(key, {timestamp: value}) " +
  'made the value the score: every sample whose value lies between 0 and the cutoff (a time in seconds, ' +
  'about 1.7e9) — nearly all — is deleted right after it is written, and an emptied key with it; ' +
  'store with `smsmon metrics snapshot --guide-layout` instead';

const MAX_NAMED = 5;

/** The stderr lines of `metrics show` about what it read: guide-original keys and unreadable ones. */
export function readNotes(keys: readonly KeySummary[], unparsed: number): string[] {
  const lines: string[] = [];
  const original = keys.filter((k) => k.members['guide-original'] > 0).map((k) => k.key);
  if (original.length > 0) {
    lines.push(
      `${original.length} key(s) in the guide's original layout (member = time in seconds, score = value), ` +
        `read as such: ${named(original)}; \`smsmon metrics migrate\` rewrites them into smsmon's layout`,
    );
  }
  let attributed = 0;
  for (const key of keys) {
    const note = unreadableNote(key);
    if (note) lines.push(note);
    attributed += key.unreadable;
  }
  if (unparsed > attributed) {
    lines.push(`${unparsed - attributed} stored value(s) could not be read and were left out`);
  }
  return lines.map((line) => `smsmon: ${line}\n`);
}

/** `metrics:x holds nothing readable: …` or `metrics:x: 2 of 5 member(s) …`; null when all is read. */
export function unreadableNote(key: KeySummary): string | null {
  const name = escapeToOneLine(key.key);
  if (key.notSortedSet !== undefined)
    return `${name} holds nothing readable: a ${key.notSortedSet}, not a sorted set`;
  if (key.unreadable === 0) return null;
  const read = key.members.smsmon + key.members['guide-original'];
  const example = key.example === undefined ? '' : `, e.g. "${escapeToOneLine(key.example.slice(0, 40))}"`;
  return read === 0
    ? `${name} holds nothing readable: ${key.unreadable} member(s) ${UNREADABLE_MEMBER}${example}`
    : `${name}: ${key.unreadable} of ${key.unreadable + read} member(s) left out, ${UNREADABLE_MEMBER}${example}`;
}

/**
 * What follows `no samples … in metrics:*` for the guide layout: the likely cause when no key
 * exists or when what the guide wrote lies outside the window; null when smsmon's own samples are
 * merely older than the window.
 */
export function guideNoSamplesCause(keys: readonly KeySummary[]): string | null {
  if (keys.length === 0)
    return `no such key exists. If the guide's MetricsCollector writes here, this is why: ${GUIDE_TRIM_CAUSE}`;
  const original = keys.filter((k) => k.members['guide-original'] > 0);
  if (original.length === 0) return null;
  const newest = Math.max(...original.map((k) => k.guideOriginalNewest ?? 0));
  const count = original.reduce((n, k) => n + k.members['guide-original'], 0);
  return (
    `the ${count} sample(s) in the guide's original layout are older, the newest at ${new Date(newest).toISOString()} ` +
    `(what its trim leaves: values below 0 or above the cutoff); ${GUIDE_TRIM_CAUSE}`
  );
}

function named(keys: readonly string[]): string {
  const shown = keys.slice(0, MAX_NAMED).map(escapeToOneLine).join(', ');
  return keys.length > MAX_NAMED ? `${shown} and ${keys.length - MAX_NAMED} more` : shown;
}
