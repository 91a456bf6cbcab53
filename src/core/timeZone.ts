import { UsageError } from './errors.js';

/**
 * Converts a wall-clock time (as Python's asctime writes it, no zone) to epoch ms. A time the zone's
 * clock shows twice (the repeated DST hour) is the earlier instant, or the later one with `later`.
 */
export type WallClockToEpoch = (
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  later?: boolean,
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
  if (zone === undefined || isMachineZone(zone)) {
    return (y, mo, d, h, mi, s, later) => {
      const earlier = new Date(y, mo - 1, d, h, mi, s).getTime();
      return later ? laterLocalReading(earlier) : earlier;
    };
  }
  const fixed = fixedOffsetMs(zone);
  if (typeof fixed === 'string') return fixed;
  if (fixed !== undefined) return (y, mo, d, h, mi, s) => Date.UTC(y, mo - 1, d, h, mi, s) - fixed;
  return ianaWallClock(zone);
}

/** This machine's zone: no --tz, SMSMON_TZ or tz given (or "local"). */
export function isMachineZone(zone: string | undefined): boolean {
  return zone === undefined || zone === '' || zone.toLowerCase() === 'local';
}

/** 0 for UTC, the offset of "+05:30" in ms, undefined for an IANA name, or why the offset is bad. */
export function fixedOffsetMs(zone: string): number | undefined | string {
  if (/^(utc|gmt|z)$/i.test(zone)) return 0;
  const fixed = OFFSET.exec(zone);
  if (!fixed) return undefined;
  const minutes = Number(fixed[2]) * 60 + Number(fixed[3] ?? 0);
  if (minutes > 18 * 60) return 'offset beyond ±18:00';
  return (fixed[1] === '-' ? -1 : 1) * minutes * 60_000;
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

/**
 * The offset from UTC (ms) of an IANA zone, or of this machine's with undefined, at any instant; a
 * string saying why when the name is not a zone.
 */
export function intlOffsetAt(zone: string | undefined): ((epochMs: number) => number) | string {
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
  return (epochMs) => {
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
}

function ianaWallClock(zone: string): WallClockToEpoch | string {
  const offsetAt = intlOffsetAt(zone);
  if (typeof offsetAt === 'string') return offsetAt;
  return (y, mo, d, h, mi, s, later = false) => {
    const guess = Date.UTC(y, mo - 1, d, h, mi, s);
    // The offsets in force a day either side cover any DST change; a wall time that exists
    // under both (the repeated hour) takes the earlier instant, as Python's fold=0 does (or the later).
    const before = offsetAt(guess - 86_400_000);
    const after = offsetAt(guess + 86_400_000);
    let best: number | null = null;
    for (const offset of [before, after]) {
      const instant = guess - offset;
      if (offsetAt(instant) === offset && (best === null || (later ? instant > best : instant < best)))
        best = instant;
    }
    // A wall time in the skipped hour does not exist: read it with the offset before the gap.
    return best ?? guess - before;
  };
}

/** The later instant this machine's clock shows the same as at `earlier` (itself when only one). */
function laterLocalReading(earlier: number): number {
  const shown = new Date(earlier);
  // DST shifts are an hour, or half an hour (Lord Howe Island).
  for (const shift of [3_600_000, 1_800_000]) {
    const candidate = new Date(earlier + shift);
    if (
      candidate.getDate() === shown.getDate() &&
      candidate.getHours() === shown.getHours() &&
      candidate.getMinutes() === shown.getMinutes()
    )
      return candidate.getTime();
  }
  return earlier;
}
