import type { LogRecord } from '../core/record.js';

/** A value was written where a duration should be, but it is not one ("processing_time=None"). */
export const GARBAGE = 'garbage';
export type DurationReading = number | null | typeof GARBAGE;

/**
 * Reads one duration (in seconds) from a record: null when the record states none, GARBAGE
 * when it states one that is not a number. Only the message is read, never the traceback: a
 * traceback quoting `processing_time=…` from source code is not a measurement.
 */
export interface DurationReader {
  read(record: LogRecord): DurationReading;
  /** The text of the last GARBAGE reading, for the report. */
  garbageText: string;
  /** What is read, for messages: 'processing_time', 'pattern "took …"', 'field "duration"'. */
  readonly describe: string;
  /** Text every record with a value contains, so a scan may skip others unread. */
  readonly keyword?: string;
  /** With `keyword`, the value lane's reading of one occurrence (KeywordValues.valueAt). */
  valueAt?(bytes: Uint8Array, from: number, at: number): number | undefined;
}
