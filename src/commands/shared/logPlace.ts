import type { Command } from 'commander';
import { logConfigFor } from '../../core/configLog.js';
import { resolveLogZone, type LogZone } from '../../core/logZone.js';
import { resolveLogDir, type LogDir } from '../../sources/logDir.js';

/** Where a command's logs are and the zone their times are in, each by its one rule. */
export interface LogPlace {
  readonly dir: LogDir;
  readonly zone: LogZone;
}

/** --dir and --tz (when the command has them) over the environment and the config. */
export async function logPlaceFor(command: Command, flags: { dir?: string; tz?: string }): Promise<LogPlace> {
  const configured = await logConfigFor(command);
  return {
    dir: await resolveLogDir(flags.dir, configured.logDir),
    zone: resolveLogZone(flags.tz, configured.tz),
  };
}
