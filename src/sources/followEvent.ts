/** What following a file yields (follower.ts reads, follow.ts paces). */
export type FollowEvent =
  /**
   * Complete lines only, without the '\n'; lines[i] is line firstLine + i of the file at `path`.
   * `stream` (always set) tells byte streams apart: lines with the same stream continue each
   * other, a rotated file still being drained has another stream than the new live file, and
   * the path alone cannot tell them apart (two drained files may both have been app.log.1).
   */
  | { kind: 'lines'; path: string; firstLine: number; lines: string[]; stream?: number }
  | { kind: 'rotated'; path: string; how: 'rename' | 'truncate' }
  /** The file does not exist (yet); said once until it appears. */
  | { kind: 'waiting'; path: string }
  | { kind: 'idle' };
