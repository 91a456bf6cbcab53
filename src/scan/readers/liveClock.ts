import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { asctimeParser } from '../../core/asctime.js';
import type { WallClockToEpoch } from '../../core/timeZone.js';
import type { LogInput } from '../../sources/resolveInputs.js';
import type { LiveClock } from '../../operators/clockSkew.js';
import { formatOfInput } from './inputRecords.js';
import { scanBackward } from './lastRecords.js';

/**
 * The live file's newest dated record (read backwards: one chunk, as a rule) and its mtime; null
 * when there is no live file, it is empty or missing, or it holds no dated record.
 */
export async function liveClockOf(
  input: LogInput,
  wallClock: WallClockToEpoch,
  formatOverride?: string,
): Promise<LiveClock | null> {
  const path = input.livePath;
  if (path === null || path.endsWith('.gz')) return null;
  try {
    const info = await stat(path);
    if (!info.isFile() || info.size === 0) return null;
    const format = await formatOfInput(input, path, formatOverride);
    const context = { format, parseTime: asctimeParser(wallClock), file: path };
    const scan = await scanBackward(path, info.size, context, {
      count: 1,
      accept: (record) => record.time !== null,
      lineNumbers: false,
      completeLinesOnly: false,
    });
    const newest = scan.newestFirst[0]?.time;
    if (newest === undefined || newest === null) return null;
    return { file: basename(path), mtimeMs: info.mtimeMs, newestMs: newest };
  } catch {
    return null; // unreadable: the scan itself reports that
  }
}
