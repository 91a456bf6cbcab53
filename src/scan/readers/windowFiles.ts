import { asctimeParser } from '../../core/asctime.js';
import type { WallClockToEpoch } from '../../core/timeZone.js';
import { formatFor } from '../../parsers/formats.js';
import { headerMatcherFor } from '../../parsers/headerMatcher.js';
import type { LogInput } from '../../sources/resolveInputs.js';
import { windowStart, type TimeWindow } from './timeSeek.js';

/**
 * An input without the plain files a read for the time window would skip whole (timeSeek.ts):
 * what is left to split among threads, so that they share the window's files, not the family's.
 * Only for an input whose format is known without reading it; .gz files are kept.
 */
export function filesInWindow(
  input: LogInput,
  query: TimeWindow & { formatOverride?: string; wallClock: WallClockToEpoch },
): LogInput {
  const formatSource = query.formatOverride ?? input.format;
  if ((query.since === undefined && query.until === undefined) || formatSource === undefined) return input;
  const format = formatFor(formatSource);
  if (format.slots.asctime === 0) return input;
  const matcher = headerMatcherFor(format, asctimeParser(query.wallClock));
  const sources = [];
  for (const source of input.sources) {
    if (source.stdin || source.gzip) {
      sources.push(source);
      continue;
    }
    let start;
    try {
      start = windowStart(source.path, matcher, query, false);
    } catch {
      sources.push(source); // its read reports it
      continue;
    }
    if (start === 'after') break;
    if (start !== 'before') sources.push(source);
  }
  return { ...input, sources };
}
