import type { LogRecord } from '../core/record.js';

/** The JSON shape of a record in --json and --ndjson output (documented in the README). */
export interface RecordJson {
  time: string | null;
  time_text: string;
  level: string;
  module: string;
  pid: number | null;
  thread: number | null;
  message: string;
  exc_text: string;
  file: string;
  line: number;
  recovered: boolean;
  unparsed: boolean;
  [extra: string]: string | number | boolean | null;
}

export const RECORD_FIELDS = [
  'time',
  'time_text',
  'level',
  'module',
  'pid',
  'thread',
  'message',
  'exc_text',
  'file',
  'line',
  'recovered',
  'unparsed',
  'raw',
] as const;

export function recordToJson(record: LogRecord): RecordJson {
  const json: RecordJson = {
    time: record.time === null ? null : new Date(record.time).toISOString(),
    time_text: record.timeText,
    level: record.level,
    module: record.module,
    pid: record.pid,
    thread: record.thread,
    message: record.message,
    exc_text: record.excText,
    file: record.file,
    line: record.line,
    recovered: record.recovered,
    unparsed: record.unparsed,
  };
  if (record.extra)
    for (const [key, value] of Object.entries(record.extra)) if (!(key in json)) json[key] = value;
  return json;
}

/** One named field of a record, for --fields. */
export function recordField(record: LogRecord, name: string): string | number | boolean | null {
  if (name === 'raw') return record.raw;
  const json = recordToJson(record);
  return json[name] ?? null;
}
