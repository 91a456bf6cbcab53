/** What following a file yields (follower.ts reads, follow.ts paces). */
export type FollowEvent =
  /**
   * Bytes appended to the file at `path`, as read. `stream` tells byte streams apart: bytes with
   * the same stream continue each other, a rotated file still being drained has another stream
   * than the new live file, and the path alone cannot tell them apart (two drained files may
   * both have been app.log.1). `firstLine` is the number of the line the stream starts with (0:
   * unknown). Only complete lines are records yet: an unterminated last line waits for its rest.
   */
  | { kind: 'bytes'; path: string; stream: number; firstLine: number; bytes: Buffer; completesLine: boolean }
  /** The stream's file will not grow any more: its unterminated last line, if any, is complete. */
  | { kind: 'ended'; stream: number }
  | { kind: 'rotated'; path: string; how: 'rename' | 'truncate' }
  /** The file does not exist (yet); said once until it appears. */
  | { kind: 'waiting'; path: string }
  | { kind: 'idle' };
