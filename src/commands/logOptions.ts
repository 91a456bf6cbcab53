import { Option, type Command } from 'commander';
import { UsageError } from '../core/errors.js';
import { wallClockIn, type WallClockToEpoch } from '../core/timeZone.js';
import { currentTime, parseTimeSpec } from '../core/timeSpec.js';
import { FAMILY_NAMES } from '../core/families.js';
import {
  buildRecordFilter,
  compileGrep,
  levelNamesOf,
  parseLevelOption,
  type RecordPredicate,
} from '../operators/recordFilter.js';
import { formatFor } from '../parsers/formats.js';
import { resolveInputs, type LogInput } from '../sources/resolveInputs.js';
import { parseFieldsOption } from '../sinks/recordWriters.js';

/** Options every log-reading command takes, as commander hands them over. */
export interface LogCommandOptions {
  dir?: string;
  format?: string;
  tz?: string;
  level?: string;
  module?: string[];
  grep?: string;
  ignoreCase?: boolean;
  since?: string;
  until?: string;
  pid?: string[];
  ndjson?: boolean;
  json?: boolean;
  raw?: boolean;
  fields?: string;
  color?: boolean;
  quiet?: boolean;
}

/** Everything a log command needs, validated and compiled once before the first line is read. */
export interface LogQuery {
  inputs: LogInput[];
  formatOverride?: string;
  wallClock: WallClockToEpoch;
  filter: RecordPredicate;
  /** The level names --level admits: records of other levels may be skipped unread. */
  levels?: string[];
  /** --since as epoch ms: a backwards scan can stop once records are older. */
  since?: number;
  /** --until as epoch ms. */
  until?: number;
  writerName: 'text' | 'ndjson' | 'json' | 'raw';
  fields?: string[];
  quiet: boolean;
  color: boolean;
  stdoutIsTerminal: boolean;
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, ...value.split(',')];

/**
 * Adds the shared source, filter and output options. Commands that print records get --raw and
 * --fields; commands that print a summary (`records: false`) get --csv instead.
 */
export function addLogOptions(command: Command, { records = true }: { records?: boolean } = {}): Command {
  command
    .option('-d, --dir <dir>', 'logs directory (env SMSMON_LOG_DIR)', process.env.SMSMON_LOG_DIR ?? './logs')
    .option(
      '--format <format>',
      "Python logging format of the input, e.g. '%(asctime)s %(levelname)s %(name)s: %(message)s'",
    )
    .option(
      '--tz <zone>',
      'zone the timestamps were written in: IANA name, UTC or +02:00 (default: this machine)',
    )
    .option(
      '-l, --level <level>',
      'only these levels: ERROR, ERROR,CRITICAL, or WARNING+ (that level and above)',
    )
    .option('-m, --module <module>', 'only records of this module (repeatable, comma-separated)', collect)
    .option('-g, --grep <regex>', 'only records whose message or traceback matches (JavaScript regex)')
    .option('-i, --ignore-case', '--grep ignores case')
    .option('--since <time>', 'records at or after: 15m, 2h, 1d ago, or an ISO time')
    .option('--until <time>', 'records before: 15m, 2h, 1d ago, or an ISO time')
    .option('--pid <pid>', 'only records of this process id (repeatable)', collect);
  if (records) {
    command
      .addOption(new Option('--ndjson', 'one JSON record per line').conflicts(['json', 'raw']))
      .addOption(new Option('--json', 'a JSON array of records').conflicts(['raw']))
      .option('--raw', 'the original text as written, continuation lines included')
      .option('--fields <list>', 'only these fields, tab-separated (or as JSON with --ndjson/--json)');
  } else {
    command
      .addOption(new Option('--json', 'the result as one JSON document').conflicts(['ndjson', 'csv']))
      .addOption(new Option('--ndjson', 'one JSON object per row').conflicts(['csv']))
      .option('--csv', 'rows as CSV (RFC 4180)');
  }
  return command
    .option('--no-color', 'no colours (also when NO_COLOR is set or output is not a terminal)')
    .option('-q, --quiet', 'no counts of recovered/unparsed records on stderr');
}

export async function buildLogQuery(
  args: readonly string[],
  options: LogCommandOptions,
  { follow, inputs: resolved }: { follow: boolean; inputs?: LogInput[] },
): Promise<LogQuery> {
  if (options.format !== undefined) formatFor(options.format); // fail on a bad format before any I/O
  const wallClock = wallClockIn(options.tz);
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
  const dir = options.dir ?? './logs';
  const inputs =
    resolved ?? (await resolveInputs(args.length > 0 ? args : ['app'], { dir, allowMissing: follow }));
  const stdoutIsTerminal = process.stdout.isTTY === true;
  return {
    inputs,
    formatOverride: options.format,
    wallClock,
    filter,
    levels: levels && levelNamesOf(levels),
    since,
    until,
    writerName: options.ndjson ? 'ndjson' : options.json ? 'json' : options.raw ? 'raw' : 'text',
    fields,
    quiet: options.quiet === true,
    color: stdoutIsTerminal && options.color !== false && !process.env.NO_COLOR,
    stdoutIsTerminal,
  };
}

function parsePid(text: string): number {
  const pid = Number(text.trim());
  if (!Number.isInteger(pid) || pid < 0)
    throw new UsageError(`bad --pid "${text}"; expected a process id such as 4242`);
  return pid;
}

export const SOURCES_HELP = `sources: a family (${FAMILY_NAMES.join(', ')}; the file and its rotated siblings, oldest first), a file path, or - for stdin (default: app)`;
