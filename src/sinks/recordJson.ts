import { UsageError, unknownChoice } from '../core/errors.js';
import type { LogRecord } from '../core/record.js';

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
  suspect: (r) => r.suspect ?? null,
  truncated_bytes: (r) => r.truncatedBytes,
  raw: (r) => r.raw,
};

/** Field names for --fields; every one but `raw` is in the JSON record (README). */
export const RECORD_FIELDS = Object.keys(FIELD_READERS);

/** One named field of a record, for --fields. */
export function recordField(record: LogRecord, name: string): string | number | boolean | null {
  const read = FIELD_READERS[name];
  return read ? read(record) : (record.extra?.[name] ?? null);
}

/**
 * The JSON text of a record (every field but `raw`, then a custom format's extra attributes),
 * written field by field without building an object first, which matters when a search prints
 * a hundred thousand records.
 */
export function recordJsonLine(record: LogRecord): string {
  const q = JSON.stringify;
  let line =
    `{"time":${record.time === null ? 'null' : `"${new Date(record.time).toISOString()}"`}` +
    `,"time_text":${q(record.timeText)},"level":${q(record.level)},"module":${q(record.module)}` +
    `,"pid":${record.pid},"thread":${record.thread},"message":${q(record.message)}` +
    `,"exc_text":${q(record.excText)},"file":${q(record.file)},"line":${record.line}` +
    `,"recovered":${record.recovered},"unparsed":${record.unparsed}` +
    `,"suspect":${record.suspect === undefined ? 'null' : q(record.suspect)}` +
    `,"truncated_bytes":${record.truncatedBytes}`;
  if (record.extra) {
    for (const [key, value] of Object.entries(record.extra))
      if (!(key in FIELD_READERS)) line += `,${q(key)}:${q(value)}`;
  }
  return line + '}';
}

export function parseFieldsOption(text: string, extraNames: readonly string[] = []): string[] {
  const valid: readonly string[] = [...RECORD_FIELDS, ...extraNames];
  const names = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (names.length === 0) throw new UsageError(`bad --fields ""; expected some of ${valid.join(', ')}`);
  for (const name of names) if (!valid.includes(name)) throw unknownChoice('field', name, valid);
  return names;
}
