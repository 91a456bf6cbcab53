import type { Command } from 'commander';
import { z } from 'zod';
import { applyOverrides, envOverrides, type EnvOverride, type SchemaNode } from './configEnv.js';
import { describeIssues, valueAt } from './configIssues.js';
import { configSchema, type SmsmonConfig } from './configSchema.js';
import { UsageError } from './errors.js';
import { findConfigFile, parseConfigText, type LoadConfigOptions } from './configFile.js';

export { CONFIG_FILE_NAME } from './configName.js';
export { parseConfigText, type LoadConfigOptions } from './configFile.js';

export interface LoadedConfig {
  readonly config: SmsmonConfig;
  /** Absolute path of the file read; undefined when only defaults and the environment apply. */
  readonly source: string | undefined;
  /** Environment variables that set a key, in the order applied (later ones win). */
  readonly fromEnv: readonly string[];
}

/**
 * The effective config: `--config PATH`, else $SMSMON_CONFIG, else ./smsmon.config.json if it exists,
 * else the defaults; then the environment (configEnv.ts) on top; then validated. Every problem is a
 * UsageError (exit 2) of one line naming the file or variable and the key.
 */
export async function loadConfig(options: LoadConfigOptions): Promise<LoadedConfig> {
  const file = await findConfigFile(options);
  const fromFile = file ? parseConfigText(file.text, file.label) : {};
  const overrides = envOverrides(options.env, configJsonSchema() as SchemaNode);
  const input = applyOverrides(fromFile, overrides);
  const result = configSchema.safeParse(input);
  if (!result.success) {
    const originOf = (path: readonly PropertyKey[]): string =>
      setBy(overrides, fromFile, path) ?? file?.label ?? 'config';
    throw new UsageError(describeIssues(result.error.issues, input, originOf));
  }
  return { config: result.data, source: file?.path, fromEnv: overrides.map((o) => o.name) };
}

/**
 * The variable that set the value at `path`, or that created its object when the file has none
 * (SMSMON_SMTP_PASSWORD alone makes an alerts.email without a host).
 */
function setBy(
  overrides: readonly EnvOverride[],
  fromFile: unknown,
  path: readonly PropertyKey[],
): string | undefined {
  const startsWith = (whole: readonly PropertyKey[], start: readonly PropertyKey[]): boolean =>
    start.every((key, i) => whole[i] === key);
  const exact = overrides.findLast((o) => startsWith(path, o.path));
  if (exact) return exact.name;
  const parent = path.slice(0, -1);
  if (parent.length === 0 || valueAt(fromFile, parent) !== undefined) return undefined;
  return overrides.findLast((o) => startsWith(o.path, parent))?.name;
}

type JsonSchema = z.core.JSONSchema.BaseSchema;
let jsonSchema: JsonSchema | undefined;

/** The JSON Schema of smsmon.config.json as it may be written: keys with a default are optional. */
export function configJsonSchema(): JsonSchema {
  jsonSchema ??= z.toJSONSchema(configSchema, { io: 'input' });
  return jsonSchema;
}

let loaded: Promise<LoadedConfig> | undefined;

/** The config for this run, from the global --config option, the working directory and the environment (loaded once). */
export function configFor(command: Command): Promise<LoadedConfig> {
  const { config } = command.optsWithGlobals<{ config?: string }>();
  loaded ??= loadConfig({ configPath: config, cwd: process.cwd(), env: process.env });
  return loaded;
}
