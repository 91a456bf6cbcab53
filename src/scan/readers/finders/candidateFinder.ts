/**
 * What a record reader (recordReader.ts) asks to skip to the records a scan wants: the next place
 * in a window where one may be. The reader confirms each candidate, finds its record's bounds and
 * builds it, so a finder only has to be fast and never miss a wanted record.
 */
export interface CandidateFinder {
  /**
   * Hits may lie on any line of a wanted record (a keyword in a traceback): the reader backs up
   * from a hit to its record's header, and carries a window's last record over to the next one
   * since a hit may follow. Otherwise every hit is the start of a header line, and a hit that is
   * no header is skipped.
   */
  readonly inBody: boolean;
  /**
   * Every line is wanted: the reader hands all of them to the record assembler, a piece decoded
   * at a time, since nothing can be skipped and a search would only cost.
   */
  readonly everyLine?: boolean;
  /**
   * The offset of the first hit at or after `from` (a line start) in `window`, or -1. Calls for one
   * window come with `from` rising; a new window is a new Buffer object.
   */
  next(window: Buffer, from: number): number;
}
