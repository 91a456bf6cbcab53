import { UsageError } from '../core/errors.js';
import { resolveLogZone, type LogZone } from '../core/logZone.js';
import type { WallClockToEpoch } from '../core/timeZone.js';
import { currentTime, isRelativeSpec, parseTimeSpec } from '../core/timeSpec.js';
import {
  buildRecordFilter,
  compileGrep,
  levelNamesOf,
  parseLevelOption,
  type RecordPredicate,
} from '../operators/recordFilter.js';
import { formatFor } from '../parsers/formats.js';
import { resolveInputs, type LogInput } from '../sources/resolveInputs.js';
import { parseFieldsOption } from '../sinks/recordJson.js';

import type { LogCommandOptions } from '../commands/logOptions.js';
import type { LogPlace } from '../commands/logPlace.js';
import { colourWanted } from '../commands/shared/colour.js';
import { parseWholeNumber } from '../commands/shared/wholeNumber.js';

/** Everything a log command needs, validated and compiled once before the first line is read. */
export interface LogQuery {
  inputs: LogInput[];
  formatOverride?: string;
  zone: LogZone;
  wallClock: WallClockToEpoch;
  filter: RecordPredicate;
  /** The level names --level admits: records of other levels may be skipped unread. */
  levels?: string[];
  /** --since as epoch ms: a backwards scan can stop once records are older. */
  since?: number;
  /** --until as epoch ms. */
  until?: number;
  /** The instant relative times were measured from. */
  now: number;
  /** --since or --until was relative (1h, now): a window a wrong zone can empty (zoneWarning.ts). */
  relative: boolean;
  writerName: 'text' | 'ndjson' | 'json' | 'raw';
  fields?: string[];
  quiet: boolean;
  color: boolean;
  stdoutIsTerminal: boolean;
}

/**
 * `place` is where the inputs are and their zone (logPlace.ts); a shard worker passes its inputs
 * instead and gets the zone from options.tz, which the command resolved.
 */
export async function buildLogQuery(
  args: readonly string[],
  options: LogCommandOptions,
  source: { follow: boolean; place: LogPlace } | { inputs: LogInput[] },
): Promise<LogQuery> {
  if (options.format !== undefined) formatFor(options.format); // fail on a bad format before any I/O
  const zone = 'place' in source ? source.place.zone : resolveLogZone(options.tz);
  const wallClock = zone.wallClock;
  const now = currentTime();
  const since =
    options.since === undefined ? undefined : parseTimeSpec('--since', options.since, now, wallClock);
  const until =
    options.until === undefined ? undefined : parseTimeSpec('--until', options.until, now, wallClock);
  if (since !== undefined && until !== undefined && since >= until) {
    throw new UsageError(`--since ${options.since} is not before --until ${options.until}`);
  }
  const levels = options.level === undefined ? undefined : parseLevelOption(options.level);
  const filter = buildRecordFilter({
    levels,
    modules: options.module ? new Set(options.module.map((m) => m.trim()).filter(Boolean)) : undefined,
    grep: options.grep === undefined ? undefined : compileGrep(options.grep, options.ignoreCase === true),
    since,
    until,
    pids: options.pid ? new Set(options.pid.map(parsePid)) : undefined,
  });
  const extraFields = options.format === undefined ? [] : formatFor(options.format).groups;
  const fields = options.fields === undefined ? undefined : parseFieldsOption(options.fields, extraFields);
  const inputs =
    'inputs' in source
      ? source.inputs
      : await resolveInputs(args.length > 0 ? args : ['app'], {
          dir: source.place.dir,
          allowMissing: source.follow,
        });
  const stdoutIsTerminal = process.stdout.isTTY === true;
  return {
    inputs,
    formatOverride: options.format,
    zone,
    wallClock,
    filter,
    levels: levels && levelNamesOf(levels),
    since,
    until,
    now,
    relative: [options.since, options.until].some((spec) => spec !== undefined && isRelativeSpec(spec)),
    writerName: options.ndjson ? 'ndjson' : options.json ? 'json' : options.raw ? 'raw' : 'text',
    fields,
    quiet: options.quiet === true,
    color: colourWanted(options),
    stdoutIsTerminal,
  };
}

function parsePid(text: string): number {
  return parseWholeNumber('--pid', text, 'a process id such as 4242');
}
