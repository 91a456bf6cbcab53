import type { LogRecord } from '../../src/core/record.js';
import { recordJson, recordJsonMaxBytes } from '../../src/sinks/recordJson.js';

/** The JSON text of a record as a string (recordJson's bytes), for tests. */
export function recordJsonLine(record: LogRecord): string {
  const bytes = Buffer.allocUnsafe(recordJsonMaxBytes(record));
  return bytes.toString('utf8', 0, recordJson(record, bytes, 0));
}
