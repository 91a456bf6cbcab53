import type { LogRecord } from '../core/record.js';

/**
 * Merges lists that are each in time order into one, stably: equal times keep list order, and
 * a record without a time (unparsed) keeps the time of the record before it in its list.
 */
export function sortByTime(lists: readonly LogRecord[][]): LogRecord[] {
  const keyed: { record: LogRecord; time: number; list: number; index: number }[] = [];
  lists.forEach((records, list) => {
    let time = -Infinity;
    records.forEach((record, index) => {
      if (record.time !== null) time = record.time;
      keyed.push({ record, time, list, index });
    });
  });
  keyed.sort((a, b) => a.time - b.time || a.list - b.list || a.index - b.index);
  return keyed.map((k) => k.record);
}
