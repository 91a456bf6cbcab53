import { z } from 'zod';
import { unknownChoice } from './errors.js';
import { DURATION_FORMS, DURATION_PATTERN } from './duration.js';
import { zoneProblem } from './timeZone.js';

/** Building blocks of the config schema, each with an error message that names what is expected. */

const IDENTIFIER = '[A-Za-z_][A-Za-z0-9_$]{0,62}';
const COLUMN_NAME = new RegExp(`^${IDENTIFIER}$`);
const TABLE_NAME = new RegExp(`^(?:${IDENTIFIER}\\.)?${IDENTIFIER}$`);
const IDENTIFIER_RULE = 'a letter or _, then letters, digits, _ or $, at most 63 characters';

/** A strict object: an unknown key is an error naming the valid keys and the closest one. */
export function section<Shape extends z.ZodRawShape>(shape: Shape) {
  const known = Object.keys(shape);
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? unknownChoice('key', String(issue.keys[0]), known).message
        : undefined,
  });
}

/** A column name, interpolated into SQL: only a plain identifier is accepted. */
export function columnName(defaultName: string) {
  return z
    .string()
    .regex(COLUMN_NAME, {
      error: (issue) => `must be an SQL identifier (${IDENTIFIER_RULE}), not ${quote(issue.input)}`,
    })
    .default(defaultName);
}

/** A table name, optionally schema-qualified (`analytics.core_task`). */
export function tableName(defaultName: string) {
  return z
    .string()
    .regex(TABLE_NAME, {
      error: (issue) =>
        `must be an SQL identifier, optionally schema.table (${IDENTIFIER_RULE}), not ${quote(issue.input)}`,
    })
    .default(defaultName);
}

/**
 * A length of time as written (10, 90s, 1h30m), checked by the pattern the option parser uses, which
 * is also the JSON Schema's `pattern`. The text is kept so `config show` prints what was written;
 * durationMs (duration.ts) converts it.
 */
export function duration(defaultText: string) {
  return z
    .string()
    .regex(new RegExp(DURATION_PATTERN, 'u'), {
      error: (issue) => `expected ${DURATION_FORMS}, not ${quote(issue.input)}`,
    })
    .default(defaultText);
}

/** A URL with one of the given protocols; the value is never echoed, it may hold a password. */
export function url(protocols: readonly string[]) {
  const expected = `expected a ${protocols.map((p) => `${p}//`).join(' or ')} URL`;
  return z.string().refine((text) => URL.canParse(text) && protocols.includes(new URL(text).protocol), {
    error: expected,
  });
}

/** The zone log times were written in, checked by the reader the options use (--tz). */
export function zone() {
  return z.string().refine((text) => zoneProblem(text) === undefined, {
    error: (issue) => `${zoneProblem(String(issue.input))}, not ${quote(issue.input)}`,
  });
}

/** A whole number above zero. */
export function positiveInt(defaultValue: number) {
  return z.number().int().positive({ error: 'must be above 0' }).default(defaultValue);
}

function quote(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}
