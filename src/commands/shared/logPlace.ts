import type { Command } from 'commander';
import { logConfigFor } from '../../core/configLog.js';
import { resolveLogZone } from '../../core/logZone.js';
import { resolveLogDir } from '../../sources/logDir.js';
import type { LogPlace } from '../../sources/logPlace.js';

/** --dir and --tz (when the command has them) over the environment and the config. */
export async function logPlaceFor(command: Command, flags: { dir?: string; tz?: string }): Promise<LogPlace> {
  const configured = await logConfigFor(command);
  return {
    dir: await resolveLogDir(flags.dir, configured.logDir),
    zone: resolveLogZone(flags.tz, configured.tz),
  };
}
