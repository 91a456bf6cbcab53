import type { LogZone } from '../core/logZone.js';
import type { LogDir } from './logDir.js';

/** Where a command's logs are and the zone their times are in, each resolved by its one rule. */
export interface LogPlace {
  readonly dir: LogDir;
  readonly zone: LogZone;
}
