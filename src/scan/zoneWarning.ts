import { stat } from 'node:fs/promises';
import type { LiveClock } from '../operators/clockSkew.js';
import type { WallClockToEpoch } from '../core/timeZone.js';
import type { LogInput } from '../sources/resolveInputs.js';
import type { CompiledQuery } from './compileQuery.js';

/** Records this far ahead of the clock are not jitter between workers' clocks. */
const FUTURE_SLACK_MS = 5 * 60_000;
/** The widest gap two zones make (UTC-12:00 and UTC+14:00). */
const MAX_GAP_MS = 26 * 3_600_000;

export interface WindowOutcome {
  readonly inputs: readonly LogInput[];
  readonly wallClock: WallClockToEpoch;
  readonly formatOverride?: string;
  /** The window, as epoch ms; since undefined: from the start. */
  readonly since?: number;
  readonly until: number;
  readonly now: number;
  /** Records the window (and any other filter) let through. */
  readonly matched: number;
}

/**
 * Never a silent zero: after a relative window (--since 1h), when nothing matched although a live
 * file was written inside the window, or a live file's newest record lies in the future, and the gap
 * between its newest record and its mtime is a zone's offset, one line on stderr naming the offset.
 * Printed with --quiet too: it says the result itself may be wrong.
 */
export async function warnOfZone(outcome: WindowOutcome): Promise<void> {
  const line = await zoneWarning(outcome);
  if (line) process.stderr.write(line + '\n');
}

export async function zoneWarning(outcome: WindowOutcome): Promise<string | null> {
  const { since = -Infinity, until, now, matched } = outcome;
  // A window up to now takes in writes made while it was scanned.
  const end = until >= now ? Infinity : until;
  const inWindow = (mtimeMs: number) => mtimeMs >= since && mtimeMs <= end;
  // A stat first: a file written neither in the window nor lately cannot look like the future.
  const candidates: LogInput[] = [];
  for (const input of outcome.inputs) {
    const mtimeMs = input.livePath === null ? null : await mtimeOf(input.livePath);
    if (mtimeMs !== null && (inWindow(mtimeMs) || mtimeMs > now - MAX_GAP_MS)) candidates.push(input);
  }
  if (candidates.length === 0) return null;
  return skewLine({ ...outcome, inputs: candidates }, (clock) => {
    const missed = matched === 0 && inWindow(clock.mtimeMs);
    return missed || clock.newestMs > now + FUTURE_SLACK_MS;
  });
}

async function mtimeOf(path: string): Promise<number | null> {
  return stat(path).then(
    (info) => info.mtimeMs,
    () => null,
  );
}

/** The line for the first input whose clock is `suspicious` and off its mtime by a zone's offset. */
export async function skewLine(
  { inputs, wallClock, formatOverride }: Pick<WindowOutcome, 'inputs' | 'wallClock' | 'formatOverride'>,
  suspicious: (clock: LiveClock) => boolean = () => true,
): Promise<string | null> {
  // Loaded only when a relative window asks: the commands' start-up does not pay for it.
  const [{ liveClockOf }, { clockSkew }, { clockSkewLine }] = await Promise.all([
    import('./readers/liveClock.js'),
    import('../operators/clockSkew.js'),
    import('../sinks/clockSkewText.js'),
  ]);
  for (const input of inputs) {
    const clock = await liveClockOf(input, wallClock, formatOverride);
    if (!clock || !suspicious(clock)) continue;
    const skew = clockSkew(clock, wallClock);
    if (skew) return clockSkewLine(skew);
  }
  return null;
}

/** warnOfZone after a log query's scan, when its window was relative. */
export async function warnOfZoneAfter(
  query: CompiledQuery,
  matched: number,
  relative = query.relative,
): Promise<void> {
  if (!relative) return;
  const { inputs, wallClock, formatOverride, since, now } = query;
  await warnOfZone({ inputs, wallClock, formatOverride, since, until: query.until ?? now, now, matched });
}
