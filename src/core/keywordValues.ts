/**
 * A shortcut a keyword scan may take when all its caller wants of a record is one number read
 * after the keyword (latency without filters, grouping or --slowest): for a record whose
 * message holds the keyword on its header line, the value is read from that line and handed
 * to `push` in file order, and no record is built. Every other record is built and delivered
 * as usual, in between, so the order of values is the order of a full scan.
 */
export interface KeywordValues {
  keyword: string;
  /**
   * The value at the occurrence of the keyword at `at` in `bytes` (whole lines, undecoded), on
   * a line whose message starts at `from`; undefined when only the record-level reader can tell
   * (another spelling, garbage, not a value at all).
   */
  valueAt(bytes: Uint8Array, from: number, at: number): number | undefined;
  push(value: number): void;
}
