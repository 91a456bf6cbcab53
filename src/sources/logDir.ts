import { readdir, stat } from 'node:fs/promises';
import type { ConfiguredValue } from '../core/configLog.js';
import { describeFsError, SourceError } from '../core/errors.js';
import { FAMILIES } from '../core/families.js';

/** The --dir help of every command that reads the logs. */
export const LOG_DIR_HELP =
  'logs directory (default: $SMSMON_LOG_DIR, logDir of the config, ./logs, else . when it holds the logs)';

/** The hint of an error about the logs directory. */
export const LOG_DIR_HINT = 'set --dir, SMSMON_LOG_DIR or logDir in smsmon.config.json';

/** The directory and the rule that chose it, for messages: `./logs (the default)`. */
export interface LogDir {
  readonly path: string;
  /** "from --dir", "from SMSMON_LOG_DIR", "from logDir in smsmon.config.json", "the default", … */
  readonly origin: string;
}

const DEFAULT_DIR = './logs';
const FILE_NAMES = new Set(Object.values(FAMILIES).map((f) => f.fileName));

/**
 * The one log-directory rule: --dir, else $SMSMON_LOG_DIR, else logDir of the config (the config
 * loader lets the variable win over the file), else ./logs when it exists, else the working
 * directory when it holds app.log, errors.log or sms.log, else ./logs (for the error to name).
 */
export async function resolveLogDir(flag: string | undefined, configured?: ConfiguredValue): Promise<LogDir> {
  if (flag !== undefined) return { path: flag, origin: 'from --dir' };
  if (configured)
    return {
      path: configured.value,
      origin: configured.fromEnv ? `from ${configured.setBy}` : `from logDir in ${configured.setBy}`,
    };
  if ((await logDirProblem(DEFAULT_DIR)) === undefined) return { path: DEFAULT_DIR, origin: 'the default' };
  const here = await readdir('.').catch((): string[] => []);
  const found = here.find((name) => FILE_NAMES.has(name));
  if (found) return { path: '.', origin: `the working directory, which holds ${found}` };
  return { path: DEFAULT_DIR, origin: 'the default; no app.log, errors.log or sms.log in . either' };
}

/** `./logs (the default)`: a directory as messages name it. */
export function describeLogDir(dir: LogDir): string {
  return `${dir.path} (${dir.origin})`;
}

/** Why `path` cannot be the log directory: stat failed (its reason), or it is something else. */
export type LogDirProblem = { kind: 'unreadable'; reason: string } | { kind: 'not a directory' };

/** The one check that the log directory exists and is one; undefined when it is. */
export async function logDirProblem(path: string): Promise<LogDirProblem | undefined> {
  return stat(path).then(
    (info): LogDirProblem | undefined => (info.isDirectory() ? undefined : { kind: 'not a directory' }),
    (error: unknown): LogDirProblem => ({ kind: 'unreadable', reason: describeFsError(error) }),
  );
}

/** A run that reads the directory later (the exporter follows it): fails now, exit 3, when it cannot. */
export async function requireLogDir(dir: LogDir): Promise<void> {
  const problem = await logDirProblem(dir.path);
  if (problem?.kind === 'unreadable')
    throw new SourceError(
      `cannot read log directory ${describeLogDir(dir)}: ${problem.reason}`,
      LOG_DIR_HINT,
    );
  if (problem) throw new SourceError(`${describeLogDir(dir)} is not a directory`, LOG_DIR_HINT);
}
