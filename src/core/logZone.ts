import type { ConfiguredValue } from './configLog.js';
import { wallClockIn, type WallClockToEpoch } from './timeZone.js';

/** The --tz help of every command that reads log times. */
export const TZ_HELP =
  'zone the log times were written in (Django TIME_ZONE): IANA name, UTC or -05:00 (default: $SMSMON_TZ, tz of the config, this machine)';

/** The zone log times are read in, and what chose it. */
export interface LogZone {
  /** undefined: this machine's zone. */
  readonly zone: string | undefined;
  /** "--tz", "SMSMON_TZ", "smsmon.config.json", or "this machine". */
  readonly setBy: string;
  readonly wallClock: WallClockToEpoch;
}

/** The one zone rule: --tz, else $SMSMON_TZ, else tz of the config (the loader lets the variable win), else this machine's. */
export function resolveLogZone(flag: string | undefined, configured?: ConfiguredValue): LogZone {
  if (flag !== undefined) return { zone: flag, setBy: '--tz', wallClock: wallClockIn(flag, '--tz') };
  if (configured)
    return { zone: configured.value, setBy: configured.setBy, wallClock: wallClockIn(configured.value) };
  return { zone: undefined, setBy: 'this machine', wallClock: wallClockIn(undefined) };
}
