import type { LogRecord } from '../core/record.js';
import type { WallClockToEpoch } from '../core/timeZone.js';

/** A step back on the clock inside one hour larger than writers' disorder: DST has ended. */
const STEP_BACK_MS = 10 * 60_000;

/**
 * The --by hour key of every command: the hour of the log's wall clock a record was written in (its
 * asctime's `YYYY-MM-DD HH`), given as the UTC instant that hour starts — 2024-01-20T15:00:00Z for
 * 10:xx in New York in winter, 2024-01-20T04:30:00Z for 10:xx in Kolkata; null without a time.
 * Python writes no offset, so the hour repeated when DST ends reads the same twice: once the clock
 * steps back by more than STEP_BACK_MS inside it, the rest is the later of the two (its own key).
 * Records come in file order: the key is worked out once per hour, not per record.
 */
export function wallHourKey(wallClock: WallClockToEpoch): (record: LogRecord) => string | null {
  let hourText = '';
  let key = '';
  let furthest = 0;
  let steppedBack = false;
  return (record) => {
    const text = record.timeText;
    if (record.time === null) return null;
    const into = (number(text, 14, 2) * 60 + number(text, 17, 2)) * 1000 + number(text, 20, 3);
    if (hourText === '' || !text.startsWith(hourText)) {
      hourText = text.slice(0, 13);
      key = hourStart(wallClock, text, false);
      [furthest, steppedBack] = [into, false];
      return key;
    }
    if (!steppedBack && into < furthest - STEP_BACK_MS) {
      // Once an hour: outside the repeated hour the later start is the same one.
      steppedBack = true;
      key = hourStart(wallClock, text, true);
    }
    if (into > furthest) furthest = into;
    return key;
  };
}

/** The hour of an asctime as the UTC instant it starts: 2024-01-20T04:30:00Z. */
function hourStart(wallClock: WallClockToEpoch, text: string, later: boolean): string {
  const start = wallClock(
    number(text, 0, 4),
    number(text, 5, 2),
    number(text, 8, 2),
    number(text, 11, 2),
    0,
    0,
    later,
  );
  return new Date(start).toISOString().slice(0, 19) + 'Z';
}

/** The digits of asctime at `at` (the header pattern guarantees digits there). */
function number(text: string, at: number, length: number): number {
  let value = 0;
  for (let i = at; i < at + length; i++) value = value * 10 + text.charCodeAt(i) - 48;
  return value;
}
