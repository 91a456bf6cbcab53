import type { Command } from 'commander';
import { applyOverrides, envOverrides, type EnvOverride, type SchemaNode } from './configEnv.js';
import { findConfigFile, parseConfigText, type LoadConfigOptions } from './configFile.js';
import { UsageError } from './errors.js';
import { zoneProblem } from './timeZone.js';

/** A config value and what set it: `SMSMON_TZ`, `smsmon.config.json`, `--config /etc/smsmon.json`. */
export interface ConfiguredValue {
  readonly value: string;
  readonly setBy: string;
  /** Set by an environment variable, not the file. */
  readonly fromEnv: boolean;
}

/** The keys every log-reading command needs: where the logs are and the zone they were written in. */
export interface LogConfig {
  readonly logDir?: ConfiguredValue;
  readonly tz?: ConfiguredValue;
}

/** Enough of the schema for the environment to map onto these two keys (configEnv.ts). */
const LOG_KEYS: SchemaNode = { properties: { logDir: { type: 'string' }, tz: { type: 'string' } } };

/**
 * logDir and tz from the file and the environment, checked as the full schema checks them, without
 * loading zod and the rest of the schema: log commands start faster and a key they do not use cannot
 * stop them. Errors read like the full loader's: `SMSMON_TZ: tz: expected an IANA zone …`.
 */
export async function loadLogConfig(options: LoadConfigOptions): Promise<LogConfig> {
  const file = await findConfigFile(options);
  const fromFile = file ? parseConfigText(file.text, file.label) : {};
  return logConfigOf(fromFile, envOverrides(options.env, LOG_KEYS), file?.label ?? 'config');
}

export function logConfigOf(
  fromFile: Record<string, unknown>,
  overrides: readonly EnvOverride[],
  fileLabel: string,
): LogConfig {
  const input = applyOverrides(fromFile, overrides) as Record<string, unknown>;
  const read = (key: 'logDir' | 'tz'): ConfiguredValue | undefined => {
    const value = input[key];
    if (value === undefined) return undefined;
    const variable = overrides.findLast((o) => o.path.length === 1 && o.path[0] === key)?.name;
    const setBy = variable ?? fileLabel;
    if (typeof value !== 'string' || value === '')
      throw new UsageError(`${setBy}: ${key}: expected a non-empty string`);
    const problem = key === 'tz' ? zoneProblem(value) : undefined;
    if (problem) throw new UsageError(`${setBy}: ${key}: ${problem}, not ${JSON.stringify(value)}`);
    return { value, setBy, fromEnv: variable !== undefined };
  };
  return { logDir: read('logDir'), tz: read('tz') };
}

let loaded: Promise<LogConfig> | undefined;

/** logDir and tz for this run, from the global --config option, the working directory and the environment. */
export function logConfigFor(command: Command): Promise<LogConfig> {
  const { config } = command.optsWithGlobals<{ config?: string }>();
  loaded ??= loadLogConfig({ configPath: config, cwd: process.cwd(), env: process.env });
  return loaded;
}
