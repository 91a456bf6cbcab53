import type { LogRecord } from '../../core/record.js';
import type { WallClockToEpoch } from '../../core/timeZone.js';
import type { LogInput } from '../../sources/resolveInputs.js';
import { tailOfInput } from './inputTail.js';

/**
 * Every record of an input written in [since, until), handed to `visit` newest first: the
 * files are read backwards from the end and reading stops once records are older than `since`
 * (less a minute of slack, for workers writing out of order). The cost depends on the window,
 * not on the size of the family. Records are not kept.
 */
export async function visitWindow(
  input: LogInput,
  window: { since: number; until: number },
  wallClock: WallClockToEpoch,
  visit: (record: LogRecord) => void,
): Promise<void> {
  await tailOfInput(input, {
    count: Infinity,
    accept: (record) => {
      if (record.time !== null && record.time >= window.since && record.time < window.until) visit(record);
      return false;
    },
    lineNumbers: false,
    follow: false,
    since: window.since,
    wallClock,
  });
}
