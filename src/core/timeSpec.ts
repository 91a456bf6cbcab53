import { durationMsOf } from './duration.js';
import { UsageError } from './errors.js';
import { zoneOffsetAt, type WallClockToEpoch } from './timeZone.js';

const ISO =
  /^(\d{4})-(\d\d)-(\d\d)(?:[T ](\d\d):(\d\d)(?::(\d\d)(?:[.,](\d{1,3})\d*)?)?)?\s*(Z|[+-]\d\d:?\d\d)?$/i;

/** Days back from today of the named days; their midnight is read in the logs' zone. */
const NAMED_DAYS: ReadonlyMap<string, number> = new Map([
  ['today', 0],
  ['yesterday', 1],
]);

/**
 * Parses --since/--until: a duration back from now (90s, 1h30m, 2d), 'now', 'today' or 'yesterday'
 * (midnight in the logs' zone), or an ISO date/time. An ISO time without a zone is read in the
 * logs' zone (--tz), like the asctime it is compared with.
 */
export function parseTimeSpec(
  option: string,
  text: string,
  now: number,
  wallClock: WallClockToEpoch,
): number {
  const spec = text.trim();
  if (spec === 'now') return now;
  const daysBack = NAMED_DAYS.get(spec);
  if (daysBack !== undefined) return midnight(now, daysBack, wallClock);
  const back = durationMsOf(spec);
  if (back !== undefined) return now - back;
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

/** A --since/--until measured from now (1h, now, today), not a fixed ISO time. */
export function isRelativeSpec(text: string): boolean {
  const spec = text.trim();
  return spec === 'now' || NAMED_DAYS.has(spec) || durationMsOf(spec) !== undefined;
}

/** The start of the day `daysBack` days before now's, in the logs' zone. */
function midnight(now: number, daysBack: number, wallClock: WallClockToEpoch): number {
  const startOf = (day: number): number => {
    const date = new Date(day);
    return wallClock(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), 0, 0, 0);
  };
  // The offset may be an hour off next to a DST change: a midnight after now is tomorrow's.
  let today = now + zoneOffsetAt(wallClock, now);
  if (startOf(today) > now) today -= 86_400_000;
  return startOf(today - daysBack * 86_400_000);
}

function zoneOffsetMs(zone: string): number {
  if (zone.toUpperCase() === 'Z') return 0;
  const digits = zone.replace(':', '');
  const minutes = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5));
  return (digits[0] === '-' ? -1 : 1) * minutes * 60_000;
}

function badSpec(option: string, text: string): UsageError {
  return new UsageError(
    `bad ${option} "${text}"; expected a duration like 90s, 15m, 1h30m, 2d or a time like 2024-01-21T10:00 or today/yesterday`,
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
