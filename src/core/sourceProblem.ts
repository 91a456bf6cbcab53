import { SourceError } from './errors.js';

/** A file of a scan that could not be read, or not to its end: the scan goes on without it. */
export interface SourceProblem {
  /** The path as the scan knows it (raw: escape before printing). */
  file: string;
  /** Why, e.g. "a FIFO, not a regular file". */
  reason: string;
}

/** Receives each file a scan could not read whole; without one, the first such file ends the scan. */
export type ProblemSink = (problem: SourceProblem) => void;

/** A file that could not be read: a scan with a ProblemSink reports it and reads the other files. */
export class UnreadableSource extends SourceError {
  readonly problem: SourceProblem;

  constructor(file: string, reason: string) {
    super(`cannot read ${file}: ${reason}`);
    this.problem = { file, reason };
  }
}
