import { UsageError } from './errors.js';
import type { WallClockToEpoch } from './timeZone.js';

const UNIT_MS: Readonly<Record<string, number>> = {
  ms: 1,
  s: 1000,
  sec: 1000,
  m: 60_000,
  min: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};
const RELATIVE = /^(\d+(?:\.\d+)?)\s*(ms|s|sec|m|min|h|d|w)$/;
const ISO =
  /^(\d{4})-(\d\d)-(\d\d)(?:[T ](\d\d):(\d\d)(?::(\d\d)(?:[.,](\d{1,3})\d*)?)?)?\s*(Z|[+-]\d\d:?\d\d)?$/i;

/**
 * Parses --since/--until: a duration back from now (15m, 2h, 1d, 1w), 'now', or an ISO date/time.
 * An ISO time without a zone is read in the logs' zone (--tz), like the asctime it is compared with.
 */
export function parseTimeSpec(
  option: string,
  text: string,
  now: number,
  wallClock: WallClockToEpoch,
): number {
  const spec = text.trim();
  if (spec === 'now') return now;
  const relative = RELATIVE.exec(spec);
  if (relative) return now - Number(relative[1]) * UNIT_MS[relative[2]!]!;
  const iso = ISO.exec(spec);
  if (iso) {
    const [, y, mo, d, h = '0', mi = '0', s = '0', ms = '0', zone] = iso;
    const fields = [y, mo, d, h, mi, s].map(Number) as [number, number, number, number, number, number];
    if (
      fields[1] < 1 ||
      fields[1] > 12 ||
      fields[2] < 1 ||
      fields[2] > 31 ||
      fields[3] > 23 ||
      fields[4] > 59
    ) {
      throw badSpec(option, text);
    }
    const millis = Number(ms.padEnd(3, '0'));
    if (zone === undefined) return wallClock(...fields) + millis;
    return (
      Date.UTC(fields[0], fields[1] - 1, fields[2], fields[3], fields[4], fields[5], millis) -
      zoneOffsetMs(zone)
    );
  }
  throw badSpec(option, text);
}

/** A --since/--until measured back from now (1h, now), not a fixed ISO time. */
export function isRelativeSpec(text: string): boolean {
  const spec = text.trim();
  return spec === 'now' || RELATIVE.test(spec);
}

/** A length of time: 30s, 15m, 2h, 1d, 1w. */
export function parseDuration(option: string, text: string): number {
  const relative = RELATIVE.exec(text.trim());
  if (!relative || Number(relative[1]) <= 0) {
    throw new UsageError(`bad ${option} "${text}"; expected a duration such as 30s, 15m, 2h, 1d or 1w`);
  }
  return Number(relative[1]) * UNIT_MS[relative[2]!]!;
}

function zoneOffsetMs(zone: string): number {
  if (zone.toUpperCase() === 'Z') return 0;
  const digits = zone.replace(':', '');
  const minutes = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5));
  return (digits[0] === '-' ? -1 : 1) * minutes * 60_000;
}

function badSpec(option: string, text: string): UsageError {
  return new UsageError(
    `bad ${option} "${text}"; expected a duration (30s, 15m, 2h, 1d, 1w), 'now', or an ISO time (2024-01-20T16:30)`,
  );
}

/** The clock every relative time is measured from; SMSMON_NOW pins it for reproducible runs. */
export function currentTime(): number {
  const pinned = process.env.SMSMON_NOW;
  if (!pinned) return Date.now();
  const ms = Date.parse(pinned);
  if (Number.isNaN(ms)) throw new UsageError(`bad SMSMON_NOW "${pinned}"; expected an ISO time with a zone`);
  return ms;
}
