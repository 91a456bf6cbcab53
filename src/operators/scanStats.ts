import type { LogRecord } from '../core/record.js';

/** What a scan saw, before filtering: reported on stderr so no bad line goes unnoticed. */
export class ScanStats {
  records = 0;
  matched = 0;
  recovered = 0;
  unparsed = 0;
  /** Files that held recovered or unparsed records, for the report. */
  readonly filesWithProblems = new Set<string>();

  see(record: LogRecord): void {
    this.records++;
    if (record.recovered) {
      this.recovered++;
      this.filesWithProblems.add(record.file);
    } else if (record.unparsed) {
      this.unparsed++;
      this.filesWithProblems.add(record.file);
    }
  }
}
