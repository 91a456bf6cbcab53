import { join } from 'node:path';
import { pass, warn, type CheckResult } from '../core/doctorCheck.js';
import type { FamilyDefinition } from '../core/families.js';
import type { LogZone } from '../core/logZone.js';
import { clockSkew, MIN_SKEW_MS } from '../operators/clockSkew.js';
import { liveClockOf } from './readers/liveClock.js';
import { offsetText, skewText } from '../sinks/clockSkewText.js';
import type { LogDir } from '../sources/logDir.js';

/**
 * log-clock: a live file is written when its newest record is, so that record, read in the
 * configured zone, should be within minutes of the file's mtime; a gap of a zone's offset means
 * the logs were written in another zone (Django's TIME_ZONE) and every --since window is off.
 */
export async function checkLogClock(
  place: { dir: LogDir; zone: LogZone },
  family: FamilyDefinition,
): Promise<CheckResult> {
  const name = `log-clock:${family.name}`;
  const livePath = join(place.dir.path, family.fileName);
  const input = { label: family.name, sources: [], format: family.format, livePath };
  const { zone } = place;
  const clock = await liveClockOf(input, zone.wallClock);
  const readIn =
    zone.zone === undefined ? "read in this machine's zone" : `read in ${zone.zone}, from ${zone.setBy}`;
  if (!clock) return pass(name, `${family.fileName}: no dated record to compare (missing or empty)`);
  const skew = clockSkew(clock, zone.wallClock);
  if (skew) {
    const offset = offsetText(skew.writerOffsetMs);
    return warn(
      name,
      `${skewText(skew)}, ${readIn}: written in UTC${offset}?`,
      `set "tz": "${offset}" in smsmon.config.json (or SMSMON_TZ, --tz), or Django's TIME_ZONE's name`,
    );
  }
  const deltaMs = clock.newestMs - clock.mtimeMs;
  if (Math.abs(deltaMs) <= MIN_SKEW_MS)
    return pass(name, `${family.fileName}'s newest record matches its mtime (${readIn})`);
  // Not a zone's offset: a copied or touched file, not the zone's fault.
  return pass(
    name,
    `${skewText({ file: clock.file, deltaMs })}: no zone's offset (a copied or touched file?)`,
  );
}
