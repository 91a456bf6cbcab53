import { UsageError } from './errors.js';

/** Converts a wall-clock time (as Python's asctime writes it, no zone) to epoch ms. */
export type WallClockToEpoch = (
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
) => number;

const OFFSET = /^(?:UTC|GMT|Z)?([+-])(\d{1,2})(?::?(\d{2}))?$/i;

const ZONE_FORMS = 'expected an IANA zone (Europe/Berlin), UTC, or an offset (+02:00)';

/**
 * Resolves a zone once: undefined is the machine's zone (honours TZ), 'UTC'/'Z', a fixed offset like
 * '+02:00', or an IANA name. In a repeated DST hour the earlier instant wins, as Python's fold=0.
 * `name` is what set it, for the error: --tz, SMSMON_TZ, tz in smsmon.config.json.
 */
export function wallClockIn(zone: string | undefined, name = '--tz'): WallClockToEpoch {
  const compiled = compileZone(zone);
  if (typeof compiled === 'string') throw new UsageError(`bad ${name} "${zone}"; ${compiled}`);
  return compiled;
}

/** Why `zone` is not one wallClockIn reads, or undefined when it is (the config's check too). */
export function zoneProblem(zone: string): string | undefined {
  const compiled = compileZone(zone);
  return typeof compiled === 'string' ? compiled : undefined;
}

/** The converter, or a string saying what is wrong with the zone. */
function compileZone(zone: string | undefined): WallClockToEpoch | string {
  if (zone === undefined || zone === '' || zone.toLowerCase() === 'local') {
    return (y, mo, d, h, mi, s) => new Date(y, mo - 1, d, h, mi, s).getTime();
  }
  if (/^(utc|gmt|z)$/i.test(zone)) return (y, mo, d, h, mi, s) => Date.UTC(y, mo - 1, d, h, mi, s);
  const fixed = OFFSET.exec(zone);
  if (fixed) {
    const minutes = Number(fixed[2]) * 60 + Number(fixed[3] ?? 0);
    if (minutes > 18 * 60) return 'offset beyond ±18:00';
    const offsetMs = (fixed[1] === '-' ? -1 : 1) * minutes * 60_000;
    return (y, mo, d, h, mi, s) => Date.UTC(y, mo - 1, d, h, mi, s) - offsetMs;
  }
  return ianaWallClock(zone);
}

/** The zone's offset from UTC at about `epochMs` (exact but within an hour of a DST change). */
export function zoneOffsetAt(wallClock: WallClockToEpoch, epochMs: number): number {
  const t = new Date(Math.floor(epochMs / 1000) * 1000);
  const asUtc = t.getTime();
  const read = wallClock(
    t.getUTCFullYear(),
    t.getUTCMonth() + 1,
    t.getUTCDate(),
    t.getUTCHours(),
    t.getUTCMinutes(),
    t.getUTCSeconds(),
  );
  return asUtc - read;
}

function ianaWallClock(zone: string): WallClockToEpoch | string {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    return ZONE_FORMS;
  }
  const offsetAt = (epochMs: number): number => {
    const parts: Record<string, number> = {};
    for (const p of format.formatToParts(epochMs)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
    const asUtc = Date.UTC(
      parts.year!,
      parts.month! - 1,
      parts.day!,
      parts.hour!,
      parts.minute!,
      parts.second!,
    );
    return asUtc - Math.floor(epochMs / 1000) * 1000;
  };
  return (y, mo, d, h, mi, s) => {
    const guess = Date.UTC(y, mo - 1, d, h, mi, s);
    // The offsets in force a day either side cover any DST change; a wall time that exists
    // under both (the repeated hour) takes the earlier instant, as Python's fold=0 does.
    const before = offsetAt(guess - 86_400_000);
    const after = offsetAt(guess + 86_400_000);
    let best: number | null = null;
    for (const offset of [before, after]) {
      const instant = guess - offset;
      if (offsetAt(instant) === offset && (best === null || instant < best)) best = instant;
    }
    // A wall time in the skipped hour does not exist: read it with the offset before the gap.
    return best ?? guess - before;
  };
}
