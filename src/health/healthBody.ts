import { z } from 'zod';
import { findJsonSyntaxError } from '../core/jsonSyntax.js';

/**
 * The /health body of MONITORING_GUIDE.md:
 *   {"status": "healthy", "timestamp": "…", "services": {"database": {"status": "healthy",
 *    "response_time": 0.023}, …}, "version": "1.0.0", "uptime": 86400}
 * Required: `status` and `services` (an object, possibly empty), each service with a `status`.
 * Everything else is optional, and extra keys and services are kept: a new service or field in
 * the app never breaks the check. `response_time` is seconds (a number or numeric string; null allowed). `uptime`
 * is seconds: a number, a numeric string, or Python's str(timedelta) ("1 day, 2:03:04.5").
 */

const TIMEDELTA = /^(?:(\d+) days?, )?(\d+):([0-5]\d):([0-5]\d(?:\.\d+)?)$/;

const uptime = z.union([z.number(), z.string()]).transform((value, context) => {
  const seconds = uptimeSeconds(value);
  if (seconds === null) {
    context.issues.push({
      code: 'custom',
      input: value,
      message: 'expected seconds (a number) or H:MM:SS',
    });
    return z.NEVER;
  }
  return seconds;
});

const seconds = z.union([
  z.number().nonnegative(),
  z
    .string()
    .regex(/^\s*\d+(?:\.\d+)?\s*$/, { error: 'expected seconds' })
    .transform(Number),
]);

const service = z.looseObject({
  status: z.string(),
  response_time: seconds.nullish(),
});

export const healthBodySchema = z.looseObject({
  status: z.string().min(1),
  timestamp: z.union([z.string(), z.number()]).nullish(),
  services: z.record(z.string(), service),
  version: z
    .union([z.string(), z.number()])
    .transform((v) => String(v))
    .nullish(),
  uptime: uptime.nullish(),
});

export type HealthBody = z.output<typeof healthBodySchema>;

export type BodyReading =
  | { readonly ok: true; readonly body: HealthBody }
  /** problem: one line, never quoting the body ("not JSON: …", "wrong schema: services: missing"). */
  | { readonly ok: false; readonly problem: string };

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;
const decoder = new TextDecoder('utf-8', { fatal: true });

/** Bytes and Content-Type of an answer → the validated body, or the first reason it is not one. */
export function readHealthBody(contentType: string | null, bytes: Uint8Array): BodyReading {
  if (contentType === null) return fail('no content type (expected application/json)');
  if (!JSON_TYPE.test(contentType.trim()))
    return fail(`unexpected content type ${quoted(contentType)} (expected application/json)`);
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return fail('not JSON: the body is not UTF-8');
  }
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  if (text.trim() === '') return fail('not JSON: empty body');
  if (nestingDepth(text) > MAX_DEPTH) return fail(`nested deeper than ${MAX_DEPTH} levels`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // JSON.parse's message quotes the body: say where instead.
    const at = findJsonSyntaxError(text);
    return fail(at ? `not JSON: ${at.problem} at line ${at.line} column ${at.column}` : 'not JSON');
  }
  const result = healthBodySchema.safeParse(value);
  if (!result.success) return fail(`wrong schema: ${describeIssue(result.error.issues[0])}`);
  return {
    ok: true,
    body: { ...result.data, services: ownServices(result.data.services, value as { services: object }) },
  };
}

/** Deeper bodies are refused before use: no health body needs them, and walking them recursively would overflow the stack. */
const MAX_DEPTH = 64;

/** The deepest nesting of objects and arrays, found in one pass over the text (strings skipped). */
function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x22) {
      for (i++; i < text.length && text.charCodeAt(i) !== 0x22; i++) if (text.charCodeAt(i) === 0x5c) i++;
    } else if (code === 0x7b || code === 0x5b) deepest = Math.max(deepest, ++depth);
    else if (code === 0x7d || code === 0x5d) depth--;
  }
  return deepest;
}

/**
 * The services as validated, in an object without a prototype: a service named `__proto__` is a
 * service like another, where the plain object zod builds took it for its prototype and dropped it.
 */
function ownServices(validated: HealthBody['services'], value: { services: object }): HealthBody['services'] {
  const services = Object.create(null) as HealthBody['services'];
  // In the body's order; only what zod dropped is parsed again (it validated every entry).
  for (const [name, raw] of Object.entries(value.services))
    services[name] = Object.hasOwn(validated, name) ? validated[name]! : service.parse(raw);
  return services;
}

function describeIssue(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return 'invalid';
  const path = issue.path.length > 0 ? issue.path.map(String).join('.') : 'the body';
  const message = issue.message.replace(/^Invalid input: /, '');
  if (issue.code === 'invalid_type' && /received undefined$/.test(message)) return `${path}: missing`;
  return `${path}: ${message}`;
}

/** Seconds of an uptime as written, or null. */
export function uptimeSeconds(value: number | string): number | null {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : null;
  const text = value.trim();
  if (/^\d+(?:\.\d+)?$/.test(text)) return Number(text);
  const parts = TIMEDELTA.exec(text);
  if (!parts) return null;
  const [, days = '0', hours, minutes, seconds] = parts;
  return Number(days) * 86_400 + Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds);
}

function fail(problem: string): BodyReading {
  return { ok: false, problem };
}

function quoted(text: string): string {
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text);
}
