import type { WallClockToEpoch } from './timeZone.js';

/** The regex source of Python's default asctime: 2024-01-20 16:30:00,123 */
export const ASCTIME_PATTERN = String.raw`\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}`;

/**
 * Parses asctime text to epoch ms, or null when the date is not a real one (month 13, Feb 30).
 * Log lines arrive in time order, so the epoch of the current minute is cached: one Date
 * computation per minute of log instead of one per line.
 */
export function asctimeParser(toEpoch: WallClockToEpoch): (text: string) => number | null {
  let cachedMinute = '';
  let cachedMinuteEpoch: number | null = null;
  return (text) => {
    const minute = text.slice(0, 16);
    if (minute !== cachedMinute) {
      cachedMinute = minute;
      cachedMinuteEpoch = minuteEpoch(minute, toEpoch);
    }
    if (cachedMinuteEpoch === null) return null;
    const seconds = Number(text.slice(17, 19));
    const millis = Number(text.slice(20, 23));
    if (!(seconds < 60) || !(millis >= 0)) return null;
    return cachedMinuteEpoch + seconds * 1000 + millis;
  };
}

function minuteEpoch(text: string, toEpoch: WallClockToEpoch): number | null {
  const y = Number(text.slice(0, 4));
  const mo = Number(text.slice(5, 7));
  const d = Number(text.slice(8, 10));
  const h = Number(text.slice(11, 13));
  const mi = Number(text.slice(14, 16));
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59) return null;
  return toEpoch(y, mo, d, h, mi, 0);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
