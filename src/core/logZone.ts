import type { ConfiguredValue } from './configLog.js';
import { wallClockIn, type WallClockToEpoch } from './timeZone.js';

/** The --tz help of every command that reads log times. */
export const TZ_HELP =
  'zone the log times were written in (Django TIME_ZONE): IANA name, UTC or -05:00 (default: $SMSMON_TZ, tz of the config, this machine)';

/** The zone log times are read in and what chose it, as plain data (a worker thread gets this). */
export interface ZoneChoice {
  /** undefined: this machine's zone. */
  readonly zone: string | undefined;
  /** "--tz", "SMSMON_TZ", "smsmon.config.json", or "this machine". */
  readonly setBy: string;
}

/** A zone choice with its wall clock built. */
export interface LogZone extends ZoneChoice {
  readonly wallClock: WallClockToEpoch;
}

/** The one zone rule: --tz, else $SMSMON_TZ, else tz of the config (the loader lets the variable win), else this machine's. */
export function resolveLogZone(flag: string | undefined, configured?: ConfiguredValue): LogZone {
  if (flag !== undefined) return logZoneOf({ zone: flag, setBy: '--tz' });
  if (configured) return logZoneOf({ zone: configured.value, setBy: configured.setBy });
  return logZoneOf({ zone: undefined, setBy: 'this machine' });
}

/** Builds the wall clock of a zone chosen before (in this thread or the one that sent it). */
export function logZoneOf(choice: ZoneChoice): LogZone {
  return { zone: choice.zone, setBy: choice.setBy, wallClock: wallClockIn(choice.zone) };
}
