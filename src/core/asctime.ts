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
    if (cachedMinute === '' || !text.startsWith(cachedMinute)) {
      cachedMinute = text.slice(0, 16);
      cachedMinuteEpoch = minuteEpoch(cachedMinute, toEpoch);
    }
    if (cachedMinuteEpoch === null) return null;
    // The header pattern guarantees digits here: arithmetic instead of slicing and Number().
    const seconds = digit(text, 17) * 10 + digit(text, 18);
    const millis = digit(text, 20) * 100 + digit(text, 21) * 10 + digit(text, 22);
    if (seconds > 59 || !(millis >= 0 && millis <= 999)) return null;
    return cachedMinuteEpoch + seconds * 1000 + millis;
  };
}

function digit(text: string, at: number): number {
  return text.charCodeAt(at) - 48;
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
