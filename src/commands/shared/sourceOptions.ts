import type { Command } from 'commander';
import { TZ_HELP } from '../../core/logZone.js';
import { LOG_DIR_HELP } from '../../sources/logDir.js';

/** The flags of SourceSelection (src/metrics): which sources, and where they are (also `top`). */
export function addSourceSelectionOptions(command: Command): Command {
  return command
    .option('--db <url>', 'PostgreSQL URL (default: DATABASE_URL, database.url)')
    .option('-d, --dir <dir>', LOG_DIR_HELP)
    .option('--tz <zone>', TZ_HELP)
    .option('--no-system', 'leave out the system figures')
    .option('--no-database', 'leave out the database figures')
    .option('--no-logs', 'leave out the log figures');
}

/** Where the figures of a fresh snapshot come from (metrics collect and snapshot, alerts check). */
export function addSourceOptions(command: Command): Command {
  return addSourceSelectionOptions(command).option(
    '--sample <duration>',
    'window over which CPU and network are measured',
    '500ms',
  );
}
