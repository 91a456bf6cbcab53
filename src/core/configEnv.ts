import { UsageError } from './errors.js';

/**
 * Environment variables that set config keys. The named ones (the only list of them; the README
 * copies it) are applied after the generic SMSMON__SECTION__KEY ones, so they win. Empty values
 * are ignored, as if unset.
 */
export const NAMED_ENV_KEYS: Readonly<Record<string, string>> = {
  DATABASE_URL: 'database.url',
  REDIS_URL: 'redis.url',
  SMSMON_LOG_DIR: 'logDir',
  SMSMON_TZ: 'tz',
  SMSMON_HEALTH_URL: 'health.url',
  SMSMON_REDIS_PREFIX: 'redis.prefix',
  SMSMON_SLACK_WEBHOOK_URL: 'alerts.slack.webhookUrl',
  SMSMON_SMTP_PASSWORD: 'alerts.email.password',
};

export const GENERIC_ENV_PREFIX = 'SMSMON__';

/** One environment variable setting one key. */
export interface EnvOverride {
  readonly name: string;
  readonly path: readonly string[];
  readonly value: unknown;
}

/** The part of a JSON Schema needed to map an env name onto keys and decide how to read its value. */
export interface SchemaNode {
  readonly type?: string | readonly string[];
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  readonly additionalProperties?: SchemaNode | boolean;
}

/**
 * SMSMON__ALERTS__SLACK__WEBHOOK_URL=… sets alerts.slack.webhookUrl: `__` separates keys, which match
 * case-insensitively and ignoring `_`; a key the schema does not know is kept (lower-cased) for the
 * validator to reject. A value is JSON when it parses as JSON and the key is not a string.
 */
export function envOverrides(env: NodeJS.ProcessEnv, schema: SchemaNode): EnvOverride[] {
  const generic = Object.keys(env)
    .filter((name) => name.startsWith(GENERIC_ENV_PREFIX) && env[name] !== '')
    .sort()
    .map((name) => override(name, genericKeys(name), env[name]!, schema));
  const named = Object.entries(NAMED_ENV_KEYS)
    .filter(([name]) => env[name] !== undefined && env[name] !== '')
    .map(([name, path]) => override(name, path.split('.'), env[name]!, schema));
  return [...generic, ...named];
}

function genericKeys(name: string): string[] {
  const keys = name.slice(GENERIC_ENV_PREFIX.length).split('__');
  if (keys.some((key) => key === '')) {
    throw new UsageError(
      `bad environment variable ${name}: an empty key; expected ${GENERIC_ENV_PREFIX}SECTION__KEY`,
    );
  }
  return keys;
}

function override(name: string, keys: readonly string[], text: string, schema: SchemaNode): EnvOverride {
  const path: string[] = [];
  let node: SchemaNode | undefined = schema;
  for (const key of keys) {
    const known: string | undefined = Object.keys(node?.properties ?? {}).find(
      (candidate) => loose(candidate) === loose(key),
    );
    if (known !== undefined) {
      path.push(known);
      node = node?.properties?.[known];
    } else {
      path.push(key.toLowerCase());
      const rest: SchemaNode | boolean | undefined = node?.additionalProperties;
      node = typeof rest === 'object' ? rest : undefined;
    }
  }
  return { name, path, value: node?.type === 'string' ? text : jsonOrText(text) };
}

function loose(key: string): string {
  return key.toLowerCase().replaceAll('_', '');
}

function jsonOrText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** A copy of `input` with every override set, creating (or replacing non-object) parents. */
export function applyOverrides(input: Record<string, unknown>, overrides: readonly EnvOverride[]): object {
  const result = structuredClone(input);
  for (const { path, value } of overrides) {
    let target: Record<string, unknown> = result;
    for (const key of path.slice(0, -1)) {
      const next = target[key];
      target = target[key] = isRecord(next) ? next : {};
    }
    target[path.at(-1)!] = value;
  }
  return result;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
