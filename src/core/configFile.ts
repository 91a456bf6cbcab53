import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { CONFIG_FILE_NAME } from './configName.js';
import { isRecord } from './configEnv.js';
import { describeFsError, UsageError } from './errors.js';
import { findJsonSyntaxError } from './jsonSyntax.js';

/** Finding and reading smsmon.config.json, without zod: log commands read two keys from it (configLog.ts). */

export interface LoadConfigOptions {
  /** --config: must exist. */
  readonly configPath?: string;
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
}

export interface ConfigFile {
  readonly path: string;
  /** The name errors use: as given, or smsmon.config.json when found in the working directory. */
  readonly label: string;
  readonly text: string;
}

/** --config PATH, else $SMSMON_CONFIG, else ./smsmon.config.json if it exists. */
export async function findConfigFile({
  configPath,
  cwd,
  env,
}: LoadConfigOptions): Promise<ConfigFile | undefined> {
  if (configPath !== undefined)
    return readConfigFile(resolve(cwd, configPath), configPath, `--config ${configPath}`);
  const fromEnv = env.SMSMON_CONFIG;
  if (fromEnv) return readConfigFile(resolve(cwd, fromEnv), fromEnv, `SMSMON_CONFIG=${fromEnv}`);
  const inCwd = resolve(cwd, CONFIG_FILE_NAME);
  return readConfigFile(inCwd, CONFIG_FILE_NAME, CONFIG_FILE_NAME, { optional: true });
}

async function readConfigFile(
  path: string,
  label: string,
  givenAs: string,
  { optional = false } = {},
): Promise<ConfigFile | undefined> {
  try {
    return { path, label, text: await readFile(path, 'utf8') };
  } catch (error) {
    if (optional && (error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new UsageError(`${givenAs}: ${describeFsError(error)}`);
  }
}

/** The file's object; bad JSON is reported at its line and column, never quoted (it may hold secrets). */
export function parseConfigText(text: string, label: string): Record<string, unknown> {
  const json = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    const at = findJsonSyntaxError(json);
    throw new UsageError(
      at ? `${label}:${at.line}:${at.column}: invalid JSON: ${at.problem}` : `${label}: invalid JSON`,
    );
  }
  if (!isRecord(value)) throw new UsageError(`${label}: expected a JSON object ({ … }) at the top level`);
  return value;
}
