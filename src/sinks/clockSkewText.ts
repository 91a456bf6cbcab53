import type { ClockSkew } from '../operators/clockSkew.js';
import { offsetText as minutesOffsetText } from '../core/zoneReading.js';
import { escapeToOneLine } from './safeText.js';

/** -05:00, +05:30, +00:00: an offset in ms as `tz` and --tz take it. */
export function offsetText(offsetMs: number): string {
  return minutesOffsetText(Math.round(offsetMs / 60_000));
}

/** 5h00m */
function gapText(ms: number): string {
  const minutes = Math.round(Math.abs(ms) / 60_000);
  return `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, '0')}m`;
}

/** "app.log's newest record is 5h00m behind its mtime" */
export function skewText({ file, deltaMs }: Pick<ClockSkew, 'file' | 'deltaMs'>): string {
  const side = deltaMs < 0 ? 'behind' : 'ahead of';
  return `${file}'s newest record is ${gapText(deltaMs)} ${side} its mtime`;
}

/** The stderr line of a log command whose window may have missed every record. */
export function clockSkewLine(skew: ClockSkew): string {
  const offset = offsetText(skew.writerOffsetMs);
  return `smsmon: ${escapeToOneLine(skewText(skew))}: logs written in UTC${offset}? set "tz": "${offset}" or --tz=${offset}`;
}
