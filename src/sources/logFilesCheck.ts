import { stat, statfs } from 'node:fs/promises';
import { join } from 'node:path';
import { fail, pass, warn, type CheckResult } from '../core/doctorCheck.js';
import { byteSize } from '../core/byteSize.js';
import { describeFsError } from '../core/errors.js';
import { FAMILIES, type FamilyDefinition } from '../core/families.js';
import { discoverFamily } from './discover.js';
import { logDirProblem } from './logDir.js';
import type { LogSource } from './logSource.js';

/** The guide's RotatingFileHandler settings (MONITORING_GUIDE.md, LOGGING). */
export const GUIDE_MAX_BYTES: Readonly<Record<string, number>> = {
  app: 15 * 1024 * 1024,
  errors: 15 * 1024 * 1024,
  sms: 10 * 1024 * 1024,
};
/** errors.log is written only when something fails: a quiet one is not a problem. */
const QUIET_IS_NORMAL = new Set(['errors']);
const STALE_MS = 15 * 60_000;

export async function checkLogsDir(dir: string): Promise<CheckResult> {
  const problem = await logDirProblem(dir);
  if (problem?.kind === 'unreadable')
    return fail('logs-dir', `${dir}: ${problem.reason}`, 'set logDir in smsmon.config.json or --dir');
  if (problem) return fail('logs-dir', `${dir} is not a directory`, 'set logDir or --dir');
  return pass('logs-dir', `${dir} exists`);
}

/** The live file of a family exists and was written lately. */
export async function checkFamilyWritten(
  dir: string,
  family: FamilyDefinition,
  now: number,
): Promise<CheckResult> {
  const name = `written:${family.name}`;
  const path = join(dir, family.fileName);
  try {
    const info = await stat(path);
    const age = now - info.mtimeMs;
    if (age <= STALE_MS || QUIET_IS_NORMAL.has(family.name))
      return pass(name, `${family.fileName} written ${ago(age)}`);
    return warn(name, `${family.fileName} last written ${ago(age)}`, 'is the app running and logging here?');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    if (missing && QUIET_IS_NORMAL.has(family.name))
      return pass(name, `no ${family.fileName} yet (no errors logged)`);
    return fail(
      name,
      `${path}: ${describeFsError(error)}`,
      `check the ${family.fileName} handler in Django's LOGGING`,
    );
  }
}

/**
 * Rotation in effect: a live file past maxBytes means no RotatingFileHandler rotates it; rotated
 * siblings far below maxBytes mean another maxBytes (or copytruncate) than the guide's.
 */
export async function checkRotation(dir: string, family: FamilyDefinition): Promise<CheckResult> {
  const name = `rotation:${family.name}`;
  const maxBytes = GUIDE_MAX_BYTES[family.name]!;
  const sources = await discoverFamily(dir, family.fileName).catch((): LogSource[] => []);
  const sizes = await Promise.all(
    sources.map((s) =>
      stat(s.path).then(
        (i) => i.size,
        () => 0,
      ),
    ),
  );
  const live = sources.findIndex((s) => s.path === join(dir, family.fileName));
  const liveSize = live === -1 ? 0 : sizes[live]!;
  const rotated = sources.length - (live === -1 ? 0 : 1);
  if (liveSize > maxBytes * 1.1)
    return fail(
      name,
      `${family.fileName} is ${byteSize(liveSize)}, over maxBytes ${byteSize(maxBytes)}`,
      'rotation is not in effect: use logging.handlers.RotatingFileHandler with maxBytes and backupCount',
    );
  if (rotated === 0) return pass(name, `not rotated yet (${byteSize(liveSize)} of ${byteSize(maxBytes)})`);
  if (rotated > family.backupCount)
    return warn(
      name,
      `${rotated} rotated files, more than backupCount ${family.backupCount}`,
      'old files are not being removed',
    );
  const small = sources.filter((s, i) => i !== live && !s.gzip && sizes[i]! < maxBytes * 0.5).length;
  if (small > 0)
    return warn(
      name,
      `${small} of ${rotated} rotated files are under half of maxBytes ${byteSize(maxBytes)}`,
      'another maxBytes than the guide, or rotation by copytruncate/logrotate',
    );
  return pass(
    name,
    `${rotated} rotated file(s) of up to ${byteSize(maxBytes)}, backupCount ${family.backupCount}`,
  );
}

/** Room for every family at its full rotated size, and some left. */
export async function checkLogDisk(dir: string): Promise<CheckResult> {
  try {
    const fs = await statfs(dir);
    const free = fs.bavail * fs.bsize;
    const total = fs.blocks * fs.bsize;
    const needed = Object.values(FAMILIES).reduce(
      (sum, f) => sum + GUIDE_MAX_BYTES[f.name]! * (f.backupCount + 1),
      0,
    );
    const detail = `${byteSize(free)} free of ${byteSize(total)} (the families need up to ${byteSize(needed)})`;
    if (free < total * 0.05) return fail('disk', detail, 'free space on the logs file system');
    if (free < needed || free < total * 0.1) return warn('disk', detail, 'the logs may fill the disk');
    return pass('disk', detail);
  } catch (error) {
    return fail('disk', `${dir}: ${describeFsError(error)}`, 'set logDir or --dir');
  }
}

function ago(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 120) return `${s} s ago`;
  if (s < 7200) return `${Math.round(s / 60)} min ago`;
  if (s < 172800) return `${Math.round(s / 3600)} h ago`;
  return `${Math.round(s / 86400)} days ago`;
}
