import { offsetText, zoneName, zoneReader, type ZoneReading } from '../core/zoneReading.js';

/** A --by hour column as a table shows it. */
export interface HourColumn {
  /** `hour (America/New_York)`: the zone the hours are read in. */
  head: string;
  /** A key as the table cell shows it: `2024-01-20 10:00`; other keys (`-`) as they are. */
  cell(key: string): string;
}

/**
 * JSON and CSV give a --by hour key as it is, the UTC instant an hour of the log's wall clock starts
 * (wallHour.ts); tables show that hour on the log's wall clock, as written in the file, with the zone
 * in the header. The two hours a DST end repeats read the same: each then gets its offset
 * (`2024-11-03 01:00 -04:00`, `2024-11-03 01:00 -05:00`).
 */
export function hourColumn(zone: string | undefined, keys: readonly string[]): HourColumn {
  const read = zoneReader(zone);
  const readings = new Map<string, ZoneReading>();
  const times = new Map<string, number>();
  for (const key of keys) {
    const instant = /^\d{4}-\d\d-\d\dT\d\d:\d\d:00Z$/.test(key) ? Date.parse(key) : NaN;
    if (Number.isNaN(instant)) continue;
    const reading = read(instant);
    readings.set(key, reading);
    times.set(reading.text, (times.get(reading.text) ?? 0) + 1);
  }
  return {
    head: `hour (${zoneName(zone)})`,
    cell: (key) => {
      const reading = readings.get(key);
      if (!reading) return key;
      return times.get(reading.text)! > 1
        ? `${reading.text} ${offsetText(reading.offsetMinutes)}`
        : reading.text;
    },
  };
}
