/**
 * How far out of time order a file's records may be written: several worker processes append to
 * one file, each stamping a record when it is created, not when it is written. Reads that start or
 * stop by time (a window read backwards from the end, a seek to --since, a stop at --until) go this
 * much further than the window, so a record written late still counts. It is larger than
 * WRITER_SKEW_MS (injectionCheck.ts), past which a record is judged forged: a wider slack only
 * costs a minute more of records read at each edge, a narrower one would lose records. Records
 * written after a clock was set back by more than this (or in the hour a DST change repeats) may
 * be missed by such a read.
 */
export const ORDER_SLACK_MS = 60_000;
