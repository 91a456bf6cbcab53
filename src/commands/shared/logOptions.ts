import { Argument, Option, type Command } from 'commander';
import { FAMILY_NAMES } from '../../core/families.js';
import { LEVEL_NAMES } from '../../core/record.js';
import { RECORD_FIELDS } from '../../sinks/recordJson.js';
import { TZ_HELP } from '../../core/logZone.js';
import { LOG_DIR_HELP } from '../../sources/logDir.js';
import { colorOption, noColorOption, type ColorFlag } from './colour.js';
import { QUIET_HELP, quietOption } from './quiet.js';
import { offerValues } from './offeredValues.js';
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
  color?: ColorFlag;
  quiet?: boolean;
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, ...value.split(',')];

/**
 * Adds the shared source, filter and output options. Commands that print records get --raw and
 * --fields; commands that print a summary (`records: false`) get --csv instead.
 */
export function addLogOptions(command: Command, { records = true }: { records?: boolean } = {}): Command {
  command
    .option('-d, --dir <dir>', LOG_DIR_HELP)
    .option(
      '--format <format>',
      "Python logging format of the input, e.g. '%(asctime)s %(levelname)s %(name)s: %(message)s'",
    )
    .option('--tz <zone>', TZ_HELP)
    .addOption(
      offerValues(
        new Option(
          '-l, --level <level>',
          'only these levels: ERROR, ERROR,CRITICAL, or WARNING+ (that level and above)',
        ),
        { words: [...LEVEL_NAMES, ...LEVEL_NAMES.map((name) => `${name}+`)], commaList: true },
      ),
    )
    .option('-m, --module <module>', 'only records of this module (repeatable, comma-separated)', collect)
    .option('-g, --grep <regex>', 'only records whose message or traceback matches (JavaScript regex)')
    .option('-i, --ignore-case', '--grep ignores case')
    .option('--since <time>', 'records at or after: 15m, 1h30m, 2d ago, today, yesterday, or an ISO time')
    .option('--until <time>', 'records before: 15m, 1h30m, 2d ago, today, yesterday, or an ISO time')
    .option('--pid <pid>', 'only records of this process id (repeatable)', collect);
  if (records) {
    command
      .addOption(new Option('--ndjson', 'one JSON record per line').conflicts(['json', 'raw']))
      .addOption(new Option('--json', 'a JSON array of records').conflicts(['raw']))
      .option('--raw', 'the original text as written, continuation lines included')
      .addOption(
        offerValues(
          new Option('--fields <list>', 'only these fields, tab-separated (or as JSON with --ndjson/--json)'),
          {
            words: RECORD_FIELDS,
            commaList: true,
          },
        ),
      );
  } else {
    command
      .addOption(new Option('--json', 'the result as one JSON document').conflicts(['ndjson', 'csv']))
      .addOption(new Option('--ndjson', 'one JSON object per row').conflicts(['csv']))
      .option('--csv', 'rows as CSV (RFC 4180)');
  }
  return command
    .addOption(colorOption())
    .addOption(noColorOption())
    .addOption(quietOption(`${QUIET_HELP} (logs: exit 0 at the first match, as grep -q)`));
}

/** [sources...]: families, offered by name, or paths. */
export function sourcesArgument(description = SOURCES_HELP): Argument {
  return offerValues(new Argument('[sources...]', description), { words: FAMILY_NAMES, paths: 'file' });
}

export const SOURCES_HELP = `sources: a family (${FAMILY_NAMES.join(', ')}; the file and its rotated siblings, oldest first), a file path, or - for stdin (default: app)`;
