import { fixedOffsetMs, intlOffsetAt, isMachineZone } from './timeZone.js';

/** What a zone's clock shows at an instant. */
export interface ZoneReading {
  /** 'YYYY-MM-DD HH:MM', as asctime writes it. */
  text: string;
  /** The zone's offset from UTC then, in minutes (-300 in New York in winter, 330 in Kolkata). */
  offsetMinutes: number;
}

/**
 * Reads the clock of a zone wallClockIn accepted (undefined: this machine's) at any instant: the
 * inverse of WallClockToEpoch, for showing an instant as the log's wall clock.
 */
export function zoneReader(zone: string | undefined): (epochMs: number) => ZoneReading {
  const fixed = zone === undefined || isMachineZone(zone) ? undefined : fixedOffsetMs(zone);
  if (typeof fixed === 'number') return (epochMs) => reading(epochMs + fixed, fixed);
  const offsetAt = intlOffsetAt(zone === undefined || isMachineZone(zone) ? undefined : zone);
  if (typeof offsetAt === 'string') throw new Error(`zone "${zone}" was not checked`);
  return (epochMs) => {
    const offset = offsetAt(epochMs);
    return reading(epochMs + offset, offset);
  };
}

/** The zone's name for a label: the IANA name, this machine's, UTC or UTC+05:30. */
export function zoneName(zone: string | undefined): string {
  if (zone === undefined || isMachineZone(zone)) return new Intl.DateTimeFormat().resolvedOptions().timeZone;
  const fixed = fixedOffsetMs(zone);
  if (fixed === 0) return 'UTC';
  return typeof fixed === 'number' ? `UTC${offsetText(fixed / 60_000)}` : zone;
}

/** +05:30, -04:00. */
export function offsetText(minutes: number): string {
  const size = Math.abs(minutes);
  const hh = String(Math.floor(size / 60)).padStart(2, '0');
  return `${minutes < 0 ? '-' : '+'}${hh}:${String(size % 60).padStart(2, '0')}`;
}

function reading(shownAsUtc: number, offsetMs: number): ZoneReading {
  return {
    text: new Date(shownAsUtc).toISOString().slice(0, 16).replace('T', ' '),
    offsetMinutes: Math.round(offsetMs / 60_000),
  };
}
