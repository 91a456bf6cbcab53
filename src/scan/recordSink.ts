import type { LogRecord } from '../core/record.js';
import { ScanStats } from '../operators/scanStats.js';
import { Output } from '../sinks/output.js';
import { discardedOutput } from '../sinks/discardedOutput.js';
import { RECORD_WRITERS, type RecordWriter } from '../sinks/recordWriters.js';
import type { CompiledQuery } from './compileQuery.js';

/** How a command prints its records: decided in the main thread, never sent to a worker. */
export interface RecordOutput {
  writerName: 'text' | 'ndjson' | 'json' | 'raw';
  fields?: string[];
  color: boolean;
  stdoutIsTerminal: boolean;
}

/**
 * The end of every record-printing pipeline: counts what was scanned, filters, and writes
 * matches in the chosen format.
 */
export class RecordSink {
  readonly stats = new ScanStats();
  readonly output: Output;
  readonly writer: RecordWriter;
  private readonly labelOf = new Map<string, string>();

  constructor(private readonly query: CompiledQuery & RecordOutput) {
    this.output = new Output(query.quiet ? discardedOutput() : process.stdout);
    this.writer = RECORD_WRITERS[query.writerName]!({
      output: this.output,
      color: query.color,
      terminal: query.stdoutIsTerminal,
      fields: query.fields,
      labels: query.inputs.length > 1,
    });
    for (const input of query.inputs) {
      for (const source of input.sources) this.labelOf.set(source.path, input.label);
      if (input.livePath) this.labelOf.set(input.livePath, input.label);
    }
  }

  /** Counts and writes a batch; resolves when the output can take more. */
  async accept(records: readonly LogRecord[], prefiltered = false): Promise<void> {
    for (const record of records) {
      if (!prefiltered) this.stats.see(record);
      if (!prefiltered && !this.query.filter(record)) continue;
      this.stats.matched++;
      this.writer.write(record, this.labelOf.get(record.file) ?? record.file);
    }
    await this.output.maybeFlush();
  }

  /** Producers stop: the reader is gone (`| head`), or --quiet has the one match it needs (grep -q). */
  get closed(): boolean {
    return this.output.closed || (this.query.quiet && this.stats.matched > 0);
  }

  async finish(): Promise<void> {
    this.writer.end();
    await this.output.flush();
  }
}
