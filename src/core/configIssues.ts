import type { z } from 'zod';
import { unknownChoice } from './errors.js';
import { isRecord } from './configEnv.js';

type Issue = z.core.$ZodIssue;
type Path = readonly PropertyKey[];

/** Where a value came from: the file's name, or the environment variable that set it. */
export type OriginOf = (path: Path) => string;

/**
 * One line for the first problem, the key's path joined with dots:
 * `smsmon.config.json: database.tables.user: must be an SQL identifier … (and 2 more)`.
 */
export function describeIssues(issues: readonly Issue[], input: unknown, originOf: OriginOf): string {
  const problems = issues.flatMap((issue) => problemsOf(issue, input));
  const first = problems[0];
  if (first === undefined) return 'invalid configuration';
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  const where = first.path.length > 0 ? `${pathText(first.path)}: ` : '';
  return `${originOf(first.keyPath)}: ${where}${first.message}${more}`;
}

interface Problem {
  /** Where to point: for an unknown key, its object (the message names the key). */
  readonly path: Path;
  /** The key the value sits at, to find who set it. */
  readonly keyPath: Path;
  readonly message: string;
}

function problemsOf(issue: Issue, input: unknown): Problem[] {
  const at = (message: string, path: Path = issue.path): Problem => ({ path, keyPath: path, message });
  switch (issue.code) {
    case 'unrecognized_keys':
      // The schema's message names the valid keys of this object, for the first unknown key.
      return issue.keys.map((key, i) => ({
        path: issue.path,
        keyPath: [...issue.path, key],
        message: i === 0 ? issue.message : `unknown key "${key}"`,
      }));
    case 'invalid_type': {
      const value = valueAt(input, issue.path);
      if (value === undefined) return [at('required')];
      return [at(`expected ${EXPECTED[issue.expected] ?? issue.expected}, not ${kindOf(value)}`)];
    }
    case 'invalid_value':
      return [
        at(
          unknownChoice(
            'value',
            String(valueAt(input, issue.path)),
            issue.values.map((v) => String(v)),
          ).message,
        ),
      ];
    case 'invalid_key':
      return [at(issue.issues[0]?.message ?? issue.message)];
    case 'too_small':
      return [at(issue.message.startsWith('Too small') ? tooSmall(issue) : issue.message)];
    case 'too_big':
      return [
        at(issue.message.startsWith('Too big') ? `must be at most ${String(issue.maximum)}` : issue.message),
      ];
    default:
      return [at(issue.message)];
  }
}

const EXPECTED: Readonly<Record<string, string>> = {
  int: 'a whole number',
  number: 'a number',
  string: 'a string',
  boolean: 'true or false',
  object: 'an object',
  array: 'an array',
  record: 'an object',
};

function tooSmall(issue: z.core.$ZodIssueTooSmall): string {
  if (issue.origin === 'string') return 'must not be empty';
  if (issue.origin === 'array') return `needs at least ${String(issue.minimum)} item(s)`;
  return `must be at least ${String(issue.minimum)}`;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return 'a string';
  return `${typeof value} ${JSON.stringify(value)}`;
}

/** The value at a key path of parsed JSON, or undefined. */
export function valueAt(input: unknown, path: Path): unknown {
  let value = input;
  for (const key of path) {
    if (Array.isArray(value) && typeof key === 'number') value = value[key];
    else if (isRecord(value) && typeof key === 'string') value = value[key];
    else return undefined;
  }
  return value;
}

/** database.tables.user, system.mounts[0] */
export function pathText(path: Path): string {
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i > 0 ? '.' : ''}${String(key)}`))
    .join('');
}
