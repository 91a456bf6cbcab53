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

/** How each field is read from a record: one table for --fields, --json and --ndjson. */
const FIELD_READERS: Readonly<Record<string, (r: LogRecord) => string | number | boolean | null>> = {
  time: (r) => (r.time === null ? null : new Date(r.time).toISOString()),
  time_text: (r) => r.timeText,
  level: (r) => r.level,
  module: (r) => r.module,
  pid: (r) => r.pid,
  thread: (r) => r.thread,
  message: (r) => r.message,
  exc_text: (r) => r.excText,
  file: (r) => r.file,
  line: (r) => r.line,
  recovered: (r) => r.recovered,
  unparsed: (r) => r.unparsed,
  raw: (r) => r.raw,
};

/** One named field of a record, for --fields. */
export function recordField(record: LogRecord, name: string): string | number | boolean | null {
  const read = FIELD_READERS[name];
  return read ? read(record) : (record.extra?.[name] ?? null);
}

/**
 * The --ndjson line of a record, written field by field: the same text as
 * JSON.stringify(recordToJson(record)) without building the object, which matters when a
 * search prints a hundred thousand records.
 */
export function recordJsonLine(record: LogRecord): string {
  const q = JSON.stringify;
  let line =
    `{"time":${record.time === null ? 'null' : `"${new Date(record.time).toISOString()}"`}` +
    `,"time_text":${q(record.timeText)},"level":${q(record.level)},"module":${q(record.module)}` +
    `,"pid":${record.pid},"thread":${record.thread},"message":${q(record.message)}` +
    `,"exc_text":${q(record.excText)},"file":${q(record.file)},"line":${record.line}` +
    `,"recovered":${record.recovered},"unparsed":${record.unparsed}`;
  if (record.extra) {
    for (const [key, value] of Object.entries(record.extra))
      if (!(key in FIELD_READERS)) line += `,${q(key)}:${q(value)}`;
  }
  return line + '}';
}
