import type { LogRecord } from '../core/record.js';
import { unknownChoice } from '../core/errors.js';
import type { WallClockToEpoch } from '../core/timeZone.js';
import { wallHourKey } from './wallHour.js';

/** How records are grouped for --by, and how the groups are listed. */
export interface GroupKind {
  key: (record: LogRecord) => string;
  /** Hours read in time order; modules and paths busiest first. */
  order: 'key' | 'count';
}

/** Records without the field (no time, no request line) fall in this group. */
export const NO_KEY = '-';

/** `POST /sms/webhook/ 200 …`: the request line the middleware logs; the query string is dropped. */
const REQUEST_LINE = /\b(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) (\/[^\s?#]*)/;

const GROUP_KINDS: Readonly<Record<string, (wallClock: WallClockToEpoch) => GroupKind>> = {
  module: () => ({ key: (record) => record.module || NO_KEY, order: 'count' }),
  hour: (wallClock) => {
    const hour = wallHourKey(wallClock);
    return { key: (record) => hour(record) ?? NO_KEY, order: 'key' };
  },
  path: () => ({ key: (record) => REQUEST_LINE.exec(record.message)?.[1] ?? NO_KEY, order: 'count' }),
};

export const GROUP_NAMES = Object.keys(GROUP_KINDS);

/** Throws the usage error for a --by that is not a group kind. */
export function checkGroupName(name: string): void {
  if (!Object.hasOwn(GROUP_KINDS, name)) throw unknownChoice('--by', name, GROUP_NAMES);
}

/** The grouping of a --by name; `wallClock` reads the log's times (the hour is the log's wall-clock hour). */
export function groupKind(name: string, wallClock: WallClockToEpoch): GroupKind {
  checkGroupName(name);
  return GROUP_KINDS[name]!(wallClock);
}
