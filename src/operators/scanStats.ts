import type { LogRecord } from '../core/record.js';

export interface ScanStatsState {
  records: number;
  matched: number;
  recovered: number;
  unparsed: number;
  truncated: number;
  filesWithProblems: string[];
}

/** What a scan saw, before filtering: reported on stderr so no bad line goes unnoticed. */
export class ScanStats {
  records = 0;
  matched = 0;
  recovered = 0;
  unparsed = 0;
  /** Records cut to the caps of recordLimits.ts. */
  truncated = 0;
  /** Files that held recovered, unparsed or truncated records, for the report. */
  readonly filesWithProblems = new Set<string>();

  exportState(): ScanStatsState {
    const { records, matched, recovered, unparsed, truncated } = this;
    const filesWithProblems = [...this.filesWithProblems];
    return { records, matched, recovered, unparsed, truncated, filesWithProblems };
  }

  mergeState(state: ScanStatsState): void {
    this.records += state.records;
    this.matched += state.matched;
    this.recovered += state.recovered;
    this.unparsed += state.unparsed;
    this.truncated += state.truncated;
    for (const file of state.filesWithProblems) this.filesWithProblems.add(file);
  }

  see(record: LogRecord): void {
    this.records++;
    if (record.recovered) {
      this.recovered++;
      this.filesWithProblems.add(record.file);
    } else if (record.unparsed) {
      this.unparsed++;
      this.filesWithProblems.add(record.file);
    }
    if (record.truncatedBytes > 0) {
      this.truncated++;
      this.filesWithProblems.add(record.file);
    }
  }
}
