import type { LogRecord } from '../core/record.js';
import { unknownChoice } from '../core/errors.js';

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

function hourKey(): (record: LogRecord) => string {
  // Records come in time order: one ISO string per hour of log, not per record.
  let hour = NaN;
  let key = NO_KEY;
  return (record) => {
    if (record.time === null) return NO_KEY;
    const start = Math.floor(record.time / 3_600_000) * 3_600_000;
    if (start !== hour) [hour, key] = [start, new Date(start).toISOString().slice(0, 13) + ':00Z'];
    return key;
  };
}

const GROUP_KINDS: Readonly<Record<string, () => GroupKind>> = {
  module: () => ({ key: (record) => record.module || NO_KEY, order: 'count' }),
  hour: () => ({ key: hourKey(), order: 'key' }),
  path: () => ({ key: (record) => REQUEST_LINE.exec(record.message)?.[1] ?? NO_KEY, order: 'count' }),
};

export const GROUP_NAMES = Object.keys(GROUP_KINDS);

export function groupKind(name: string): GroupKind {
  const make = Object.hasOwn(GROUP_KINDS, name) ? GROUP_KINDS[name] : undefined;
  if (!make) throw unknownChoice('--by', name, GROUP_NAMES);
  return make();
}
