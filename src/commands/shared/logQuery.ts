import { UsageError } from '../../core/errors.js';
import { currentTime, isRelativeSpec, parseTimeSpec } from '../../core/timeSpec.js';
import { compileGrep, levelNamesOf, parseLevelOption } from '../../operators/recordFilter.js';
import { formatFor } from '../../parsers/formats.js';
import { compileQuery, type CompiledQuery } from '../../scan/compileQuery.js';
import type { QuerySpec } from '../../scan/querySpec.js';
import type { RecordOutput } from '../../scan/recordSink.js';
import { resolveInputs } from '../../sources/resolveInputs.js';
import { parseFieldsOption } from '../../sinks/recordJson.js';

import type { LogCommandOptions } from './logOptions.js';
import type { LogPlace } from '../../sources/logPlace.js';
import { colourWanted } from './colour.js';
import { parseWholeNumber } from './wholeNumber.js';

/** Everything a log command needs, validated and compiled once before the first line is read. */
export type LogQuery = CompiledQuery & RecordOutput;

/**
 * The flags, environment and config of a log command → its QuerySpec (validated: a bad value is a
 * one-line usage error before any file is opened), compiled; with how its records are printed.
 * `place` is where the inputs are and their zone (logPlace.ts).
 */
export async function buildLogQuery(
  args: readonly string[],
  options: LogCommandOptions,
  { follow, place }: { follow: boolean; place: LogPlace },
): Promise<LogQuery> {
  if (options.format !== undefined) formatFor(options.format); // fail on a bad format before any I/O
  const wallClock = place.zone.wallClock;
  const now = currentTime();
  const since =
    options.since === undefined ? undefined : parseTimeSpec('--since', options.since, now, wallClock);
  const until =
    options.until === undefined ? undefined : parseTimeSpec('--until', options.until, now, wallClock);
  if (since !== undefined && until !== undefined && since >= until) {
    throw new UsageError(`--since ${options.since} is not before --until ${options.until}`);
  }
  const levels = options.level === undefined ? undefined : levelNamesOf(parseLevelOption(options.level));
  const grep =
    options.grep === undefined
      ? undefined
      : { source: options.grep, ignoreCase: options.ignoreCase === true };
  if (grep) compileGrep(grep.source, grep.ignoreCase); // a bad regex is a usage error here, not in a worker
  const pids = options.pid?.map(parsePid);
  const extraFields = options.format === undefined ? [] : formatFor(options.format).groups;
  const fields = options.fields === undefined ? undefined : parseFieldsOption(options.fields, extraFields);
  const inputs = await resolveInputs(args.length > 0 ? args : ['app'], {
    dir: place.dir,
    allowMissing: follow,
  });
  const spec: QuerySpec = {
    inputs,
    formatOverride: options.format,
    zone: { zone: place.zone.zone, setBy: place.zone.setBy },
    since,
    until,
    now,
    relative: [options.since, options.until].some((spec) => spec !== undefined && isRelativeSpec(spec)),
    levels,
    modules: options.module?.map((m) => m.trim()).filter(Boolean),
    pids,
    grep,
    quiet: options.quiet === true,
  };
  return {
    ...compileQuery(spec),
    writerName: options.ndjson ? 'ndjson' : options.json ? 'json' : options.raw ? 'raw' : 'text',
    fields,
    color: colourWanted(options),
    stdoutIsTerminal: process.stdout.isTTY === true,
  };
}

function parsePid(text: string): number {
  return parseWholeNumber('--pid', text, 'a process id such as 4242');
}
