import { UsageError, unknownChoice } from '../core/errors.js';
import type { LogRecord } from '../core/record.js';
import { isoTimeBytes } from './isoTimeBytes.js';
import { asciiBytes, asciiPiece, jsonString, jsonStringMaxBytes, numberText } from './jsonBytes.js';

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

const PIECES = {
  time: asciiPiece('{"time":'),
  timeText: asciiPiece(',"time_text":'),
  level: asciiPiece(',"level":'),
  module: asciiPiece(',"module":'),
  pid: asciiPiece(',"pid":'),
  thread: asciiPiece(',"thread":'),
  message: asciiPiece(',"message":'),
  excText: asciiPiece(',"exc_text":'),
  file: asciiPiece(',"file":'),
  line: asciiPiece(',"line":'),
  recovered: asciiPiece(',"recovered":'),
  unparsed: asciiPiece(',"unparsed":'),
  suspect: asciiPiece(',"suspect":'),
  truncatedBytes: asciiPiece(',"truncated_bytes":'),
  null: asciiPiece('null'),
  true: asciiPiece('true'),
  false: asciiPiece('false'),
};

/** Room for the keys, punctuation, numbers and time of recordJson, besides its strings. */
const FIXED_MAX_BYTES = 400;

/** The most bytes recordJson may write for `record`. */
export function recordJsonMaxBytes(record: LogRecord): number {
  let bytes =
    FIXED_MAX_BYTES +
    jsonStringMaxBytes(record.timeText) +
    jsonStringMaxBytes(record.level) +
    jsonStringMaxBytes(record.module) +
    jsonStringMaxBytes(record.message) +
    jsonStringMaxBytes(record.excText) +
    jsonStringMaxBytes(record.file) +
    jsonStringMaxBytes(record.suspect ?? '');
  if (record.extra) {
    // "key":"value" and the comma before it.
    for (const [key, value] of Object.entries(record.extra))
      bytes += jsonStringMaxBytes(key) + jsonStringMaxBytes(value) + 2;
  }
  return bytes;
}

/**
 * Writes the JSON text of a record (every field but `raw`, then a custom format's extra
 * attributes) into `bytes` from `at` as UTF-8, field by field, and returns where it ended: no
 * object or string is built, which matters when a search prints a hundred thousand records.
 * `bytes` must have recordJsonMaxBytes(record) bytes of room.
 */
export function recordJson(record: LogRecord, bytes: Buffer, at: number): number {
  let p = asciiBytes(bytes, at, PIECES.time);
  if (record.time === null) p = asciiBytes(bytes, p, PIECES.null);
  else {
    bytes[p++] = 0x22;
    p = isoTimeBytes(bytes, p, record.time);
    bytes[p++] = 0x22;
  }
  p = jsonString(bytes, asciiBytes(bytes, p, PIECES.timeText), record.timeText);
  p = jsonString(bytes, asciiBytes(bytes, p, PIECES.level), record.level);
  p = jsonString(bytes, asciiBytes(bytes, p, PIECES.module), record.module);
  p = nullableNumber(bytes, asciiBytes(bytes, p, PIECES.pid), record.pid);
  p = nullableNumber(bytes, asciiBytes(bytes, p, PIECES.thread), record.thread);
  p = jsonString(bytes, asciiBytes(bytes, p, PIECES.message), record.message);
  p = jsonString(bytes, asciiBytes(bytes, p, PIECES.excText), record.excText);
  p = jsonString(bytes, asciiBytes(bytes, p, PIECES.file), record.file);
  p = numberText(bytes, asciiBytes(bytes, p, PIECES.line), record.line);
  p = asciiBytes(
    bytes,
    asciiBytes(bytes, p, PIECES.recovered),
    record.recovered ? PIECES.true : PIECES.false,
  );
  p = asciiBytes(bytes, asciiBytes(bytes, p, PIECES.unparsed), record.unparsed ? PIECES.true : PIECES.false);
  p = asciiBytes(bytes, p, PIECES.suspect);
  p = record.suspect === undefined ? asciiBytes(bytes, p, PIECES.null) : jsonString(bytes, p, record.suspect);
  p = numberText(bytes, asciiBytes(bytes, p, PIECES.truncatedBytes), record.truncatedBytes);
  if (record.extra) {
    for (const [key, value] of Object.entries(record.extra)) {
      if (key in FIELD_READERS) continue;
      bytes[p++] = 0x2c; // ,
      p = jsonString(bytes, p, key);
      bytes[p++] = 0x3a; // :
      p = jsonString(bytes, p, value);
    }
  }
  bytes[p++] = 0x7d; // }
  return p;
}

function nullableNumber(bytes: Buffer, at: number, value: number | null): number {
  return value === null ? asciiBytes(bytes, at, PIECES.null) : numberText(bytes, at, value);
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
