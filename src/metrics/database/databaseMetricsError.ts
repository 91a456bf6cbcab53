import pg from 'pg';
import { ExitCode, SmsmonError } from '../../core/errors.js';
import { redactUrl } from '../../core/redact.js';

/** What went wrong, for callers and tests that branch on it; the message is for people. */
export type DatabaseFailureKind =
  'options' | 'connect' | 'missing-table' | 'missing-column' | 'column-type' | 'timeout' | 'query';

/**
 * A failed database collection. The message is one line and has the URL's password removed, so
 * it can go into a snapshot's `failures` or onto stderr as is. Bad options exit 2, the rest 3.
 */
export class DatabaseMetricsError extends SmsmonError {
  constructor(
    message: string,
    readonly kind: DatabaseFailureKind,
  ) {
    super(
      oneLine(redactUrlSecrets(message)),
      kind === 'options' ? ExitCode.Usage : ExitCode.SourceUnreadable,
    );
    this.name = 'DatabaseMetricsError';
  }
}

/** Where and how the failure happened, for the message. */
export interface FailureContext {
  /** `127.0.0.1:5432` */
  readonly server: string;
  readonly timeoutMs: number;
  /** The URL's password, removed from driver messages too (when long enough to be told apart). */
  readonly password: string | undefined;
}

/** `connect ECONNREFUSED` → "cannot connect to PostgreSQL at 127.0.0.1:5433: connection refused". */
export function connectFailure(error: unknown, context: FailureContext): DatabaseMetricsError {
  return new DatabaseMetricsError(
    `cannot connect to PostgreSQL at ${context.server}: ${connectReason(error, context)}`,
    'connect',
  );
}

/** The whole collection outlasted database.timeout (a slow network: every round trip within statement_timeout). */
export function deadlineFailure(totalMs: number, context: FailureContext): DatabaseMetricsError {
  return new DatabaseMetricsError(
    `no result from PostgreSQL at ${context.server} within database.timeout ${totalMs / 1000} s (connect and every query); gave up`,
    'timeout',
  );
}

/** A failed statement on `table` (as configured, e.g. `core_task`). */
export function queryFailure(error: unknown, table: string, context: FailureContext): DatabaseMetricsError {
  const detail = driverMessage(error, context);
  switch (sqlState(error)) {
    case '42P01':
      return new DatabaseMetricsError(`table ${table} does not exist (${detail})`, 'missing-table');
    case '42703':
      return new DatabaseMetricsError(
        `table ${table} lacks a configured column (${detail})`,
        'missing-column',
      );
    case '57014':
      return new DatabaseMetricsError(
        `statement timeout after ${context.timeoutMs} ms while querying ${table}`,
        'timeout',
      );
  }
  if (!sqlState(error)) {
    return new DatabaseMetricsError(
      `connection to PostgreSQL at ${context.server} lost: ${detail}`,
      'connect',
    );
  }
  return new DatabaseMetricsError(`query on table ${table} failed: ${detail}`, 'query');
}

const NETWORK_REASONS: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset by peer',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ETIMEDOUT: 'connection timed out',
  ENOENT: 'no socket at that path',
  EACCES: 'permission denied',
};

function connectReason(error: unknown, context: FailureContext): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && NETWORK_REASONS[code]) return NETWORK_REASONS[code];
  const message = driverMessage(error, context);
  // pg destroys the socket with these when connectionTimeoutMillis elapses
  if (/timeout expired|connection timeout/i.test(message)) return `no answer within ${context.timeoutMs} ms`;
  return message;
}

/** The driver's or server's own words, one line, without the password. */
function driverMessage(error: unknown, context: FailureContext): string {
  const raw = error instanceof Error ? error.message || String((error as { code?: unknown }).code ?? '') : '';
  let text = oneLine(redactUrlSecrets(raw || String(error)));
  const password = context.password;
  if (password && password.length >= 4) text = text.replaceAll(password, '***');
  return text || 'unknown error';
}

/** The server's SQLSTATE; undefined for socket and driver errors (which carry `ECONNRESET`-like codes). */
function sqlState(error: unknown): string | undefined {
  return error instanceof pg.DatabaseError ? error.code : undefined;
}

/** `postgres://user:pass@host` → `postgres://user:***@host`; `password=x` → `password=***`. */
export function redactUrlSecrets(text: string): string {
  return redactUrl(text).replace(/(password\s*=\s*)('[^']*'|\S+)/gi, '$1***');
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
