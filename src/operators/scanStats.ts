import type { LogRecord } from '../core/record.js';
import type { SourceProblem } from '../core/sourceProblem.js';

export interface ScanStatsState {
  records: number;
  matched: number;
  recovered: number;
  unparsed: number;
  suspect: number;
  truncated: number;
  filesWithProblems: string[];
  unreadable: SourceProblem[];
}

/** What a scan saw, before filtering: reported on stderr so no bad line goes unnoticed. */
export class ScanStats {
  records = 0;
  matched = 0;
  recovered = 0;
  unparsed = 0;
  /** Records whose header looks forged (injectionCheck.ts). */
  suspect = 0;
  /** Records cut to the caps of recordLimits.ts. */
  truncated = 0;
  /** Files that held recovered, unparsed, suspect or truncated records, for the report. */
  readonly filesWithProblems = new Set<string>();
  /** Files skipped or read only in part, in the order met: the command exits 3. */
  readonly unreadable: SourceProblem[] = [];

  exportState(): ScanStatsState {
    const { records, matched, recovered, unparsed, suspect, truncated } = this;
    const filesWithProblems = [...this.filesWithProblems];
    const unreadable = [...this.unreadable];
    return { records, matched, recovered, unparsed, suspect, truncated, filesWithProblems, unreadable };
  }

  mergeState(state: ScanStatsState): void {
    this.records += state.records;
    this.matched += state.matched;
    this.recovered += state.recovered;
    this.unparsed += state.unparsed;
    this.suspect += state.suspect;
    this.truncated += state.truncated;
    for (const file of state.filesWithProblems) this.filesWithProblems.add(file);
    this.unreadable.push(...state.unreadable);
  }

  /** Receives the files a scan could not read whole (ParseOptions.onProblem). */
  readonly noteUnreadable = (problem: SourceProblem): void => void this.unreadable.push(problem);

  see(record: LogRecord): void {
    this.records++;
    if (record.recovered) {
      this.recovered++;
      this.filesWithProblems.add(record.file);
    } else if (record.unparsed) {
      this.unparsed++;
      this.filesWithProblems.add(record.file);
    }
    if (record.suspect !== undefined) {
      this.suspect++;
      this.filesWithProblems.add(record.file);
    }
    if (record.truncatedBytes > 0) {
      this.truncated++;
      this.filesWithProblems.add(record.file);
    }
  }
}
