import { Chalk, type ChalkInstance } from 'chalk';
import { LEVELS, levelValue, type LogRecord } from '../core/record.js';
import type { Output } from './output.js';
import { recordField, recordJson, recordJsonMaxBytes } from './recordJson.js';
import { escapeControls, escapeToOneLine } from './safeText.js';

export interface RecordWriterOptions {
  output: Output;
  /** Colours on (a TTY without NO_COLOR). */
  color: boolean;
  /** Escape control characters: output goes to a terminal. */
  terminal: boolean;
  /** --fields, validated. */
  fields?: readonly string[];
  /** Prefix each text line with the record's source label (several families at once). */
  labels: boolean;
}

export interface RecordWriter {
  /** The writer prints line numbers, so a reader that does not know them must count them. */
  readonly needsLineNumbers: boolean;
  write(record: LogRecord, label: string): void;
  end(): void;
}

type WriterFactory = (options: RecordWriterOptions) => RecordWriter;

type Paint = (c: ChalkInstance) => ChalkInstance;

/** Colours by level value, so an alias (WARN, FATAL) takes the colour of the name Python writes. */
const LEVEL_COLOURS: ReadonlyMap<number, Paint> = new Map<number, Paint>([
  [LEVELS.DEBUG!, (c) => c.gray],
  [LEVELS.INFO!, (c) => c.green],
  [LEVELS.WARNING!, (c) => c.yellow],
  [LEVELS.ERROR!, (c) => c.red],
  [LEVELS.CRITICAL!, (c) => c.bgRed.white.bold],
]);

/** None for a level without a value (NOTSET, 'Level 5'). */
function levelPaint(level: string): Paint | undefined {
  const value = levelValue(level);
  return value === undefined ? undefined : LEVEL_COLOURS.get(value);
}

/** A record's JSON text with a newline, for Output.encode. */
function recordJsonAndNewline(record: LogRecord, bytes: Buffer, at: number): number {
  const end = recordJson(record, bytes, at);
  bytes[end] = 0x0a;
  return end + 1;
}

/** Writes the record as JSON text (all fields, or only --fields), and a newline after it when `newline`. */
function writeJson(
  output: Output,
  record: LogRecord,
  fields: readonly string[] | undefined,
  newline: boolean,
): void {
  if (!fields) {
    const maxBytes = recordJsonMaxBytes(record) + 1;
    output.encode(record, maxBytes, newline ? recordJsonAndNewline : recordJson);
    return;
  }
  const picked: Record<string, unknown> = {};
  for (const name of fields) picked[name] = recordField(record, name);
  output.write(JSON.stringify(picked) + (newline ? '\n' : ''));
}

/** Says that a record was cut to the reader's caps, and by how much. */
function truncation(record: LogRecord, c: ChalkInstance): string {
  return record.truncatedBytes > 0 ? c.dim(` (truncated: ${record.truncatedBytes} bytes left out)`) : '';
}

/** Human-readable lines. Always escaped: only --raw and the JSON formats carry text verbatim. */
const textWriter: WriterFactory = ({ output, color, fields, labels }) => {
  const c = new Chalk({ level: color ? 1 : 0 });
  const safe = escapeControls;
  if (fields) {
    return {
      needsLineNumbers: fields.includes('line'),
      write: (record) => {
        const values = fields.map((name) => {
          const value = recordField(record, name);
          return value === null ? '' : escapeToOneLine(String(value));
        });
        output.write(values.join('\t') + '\n');
      },
      end: () => undefined,
    };
  }
  return {
    needsLineNumbers: false,
    write: (record, label) => {
      // Every header field is log text too: a forged header's module can carry escapes.
      const prefix = labels ? c.magenta(`[${escapeToOneLine(label)}] `) : '';
      if (record.unparsed) {
        output.write(prefix + c.dim(safe(record.raw)) + truncation(record, c) + '\n');
        return;
      }
      const level = (levelPaint(record.level)?.(c) ?? c.reset)(escapeToOneLine(record.level).padEnd(8));
      const ids = record.pid === null ? '' : ' ' + c.dim(`${record.pid}/${record.thread ?? '-'}`);
      const where = c.cyan(escapeToOneLine(record.module)) + ids;
      const marker = (record.recovered ? c.dim(' (recovered)') : '') + truncation(record, c);
      // On the header line, where the forged fields are: before a long message could hide it.
      const suspect =
        record.suspect === undefined ? '' : ' ' + c.bgYellow.black(`[suspect: ${record.suspect}]`);
      const message = safe(record.message).replace(/\n/g, '\n    ');
      let text = `${prefix}${c.dim(escapeToOneLine(record.timeText))} ${level} ${where}${suspect} ${message}${marker}\n`;
      if (record.excText) text += c.dim('    ' + safe(record.excText).replace(/\n/g, '\n    ')) + '\n';
      output.write(text);
    },
    end: () => undefined,
  };
};

const ndjsonWriter: WriterFactory = ({ output, fields }) => ({
  needsLineNumbers: !fields || fields.includes('line'),
  write: (record) => writeJson(output, record, fields, true),
  end: () => undefined,
});

const jsonWriter: WriterFactory = ({ output, fields }) => {
  let first = true;
  return {
    needsLineNumbers: !fields || fields.includes('line'),
    write: (record) => {
      output.write(first ? '[\n' : ',\n');
      writeJson(output, record, fields, false);
      first = false;
    },
    end: () => output.write(first ? '[]\n' : '\n]\n'),
  };
};

const rawWriter: WriterFactory = ({ output, terminal }) => ({
  needsLineNumbers: false,
  write: (record) => output.write((terminal ? escapeControls(record.raw) : record.raw) + '\n'),
  end: () => undefined,
});

/** Output formats by name: adding one is adding an entry. */
export const RECORD_WRITERS: Readonly<Record<string, WriterFactory>> = {
  text: textWriter,
  ndjson: ndjsonWriter,
  json: jsonWriter,
  raw: rawWriter,
};
