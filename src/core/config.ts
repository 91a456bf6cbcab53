import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { applyOverrides, envOverrides, isRecord, type EnvOverride, type SchemaNode } from './configEnv.js';
import { describeIssues, valueAt } from './configIssues.js';
import { configSchema, type SmsmonConfig } from './configSchema.js';
import { describeFsError, UsageError } from './errors.js';
import { findJsonSyntaxError } from './jsonSyntax.js';

export { CONFIG_FILE_NAME } from './configName.js';
import { CONFIG_FILE_NAME } from './configName.js';

export interface LoadConfigOptions {
  /** --config: must exist. */
  readonly configPath?: string;
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
}

export interface LoadedConfig {
  readonly config: SmsmonConfig;
  /** Absolute path of the file read; undefined when only defaults and the environment apply. */
  readonly source: string | undefined;
  /** Environment variables that set a key, in the order applied (later ones win). */
  readonly fromEnv: readonly string[];
}

interface ConfigFile {
  readonly path: string;
  /** The name errors use: as given, or smsmon.config.json when found in the working directory. */
  readonly label: string;
  readonly text: string;
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

async function findConfigFile({ configPath, cwd, env }: LoadConfigOptions): Promise<ConfigFile | undefined> {
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
