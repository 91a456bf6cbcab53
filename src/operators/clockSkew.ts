import { zoneOffsetAt, type WallClockToEpoch } from '../core/timeZone.js';

/** A live file's newest record time, as read in some zone, beside the file's mtime. */
export interface LiveClock {
  /** The file's name, for messages: app.log. */
  readonly file: string;
  readonly mtimeMs: number;
  readonly newestMs: number;
}

/** A live file whose newest record, read in the configured zone, is hours off its mtime. */
export interface ClockSkew {
  readonly file: string;
  /** Newest record minus mtime: negative when the records read as older than the file. */
  readonly deltaMs: number;
  /** The UTC offset the logs were probably written in, to 15 minutes. */
  readonly writerOffsetMs: number;
}

const QUARTER_HOUR = 15 * 60_000;
/** Smaller gaps are the app's pauses and clock jitter, not a zone. */
export const MIN_SKEW_MS = 10 * 60_000;
/** A zone's offset is a whole quarter hour: a gap further from one is a copied or touched file. */
const MAX_RESIDUE_MS = 3 * 60_000;
/** The offsets zones have (UTC-12:00 … UTC+14:00). */
const MIN_OFFSET_MS = -12 * 3_600_000;
const MAX_OFFSET_MS = 14 * 3_600_000;

/**
 * A file is written when its newest record is: newest record − mtime is the writer's UTC offset
 * minus the reader's. Logs written in New York (-05:00) read as UTC look 5 h older than the file,
 * so the writer's offset is the reader's plus the gap. Null when they agree or the gap is not a zone's.
 */
export function clockSkew(clock: LiveClock, readerClock: WallClockToEpoch): ClockSkew | null {
  const deltaMs = clock.newestMs - clock.mtimeMs;
  if (Math.abs(deltaMs) < MIN_SKEW_MS) return null;
  const exact = zoneOffsetAt(readerClock, clock.mtimeMs) + deltaMs;
  const writerOffsetMs = Math.round(exact / QUARTER_HOUR) * QUARTER_HOUR || 0; // never -0
  if (Math.abs(exact - writerOffsetMs) > MAX_RESIDUE_MS) return null;
  if (writerOffsetMs < MIN_OFFSET_MS || writerOffsetMs > MAX_OFFSET_MS) return null;
  return { file: clock.file, deltaMs, writerOffsetMs };
}
