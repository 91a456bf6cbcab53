import { redactUrl } from './redact.js';

/** Exit codes, documented in the README. */
export const ExitCode = {
  Ok: 0,
  NoMatch: 1,
  Usage: 2,
  SourceUnreadable: 3,
  /** metrics snapshot: Redis could not be reached; the snapshot waits in the spool. */
  Spooled: 4,
  /** latency: no value to measure (nothing matched, or no processing time in what did). */
  NoValues: 5,
  Internal: 70,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** An error the user can act on: printed as one line, mapped to an exit code. */
export class SmsmonError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'SmsmonError';
  }
}

export class UsageError extends SmsmonError {
  constructor(message: string, hint?: string) {
    super(message, ExitCode.Usage, hint);
  }
}

export class SourceError extends SmsmonError {
  constructor(message: string, hint?: string) {
    super(message, ExitCode.SourceUnreadable, hint);
  }
}

/** "unknown family "erors"; expected app, errors, sms (did you mean errors?)" */
export function unknownChoice(kind: string, given: string, choices: readonly string[]): UsageError {
  const near = didYouMean(given, choices);
  const hint = near ? ` (did you mean ${near}?)` : '';
  return new UsageError(`unknown ${kind} "${given}"; expected ${choices.join(', ')}${hint}`);
}

/** The choice nearest to a misspelt `given`, or undefined when none is near enough to suggest. */
export function didYouMean(given: string, choices: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const choice of choices) {
    const d = editDistance(given.toLowerCase(), choice.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [choice, d];
  }
  return bestDistance <= Math.max(1, Math.floor(given.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
    }
    prev = cur;
  }
  return prev[b.length]!;
}

/** A short reason for a failed file operation: "no such file or directory". */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOTDIR') return 'not a directory';
  if (code === 'EISDIR') return 'is a directory';
  return error instanceof Error ? error.message : String(error);
}

/** An error's message as one line with every URL's password, token or webhook path hidden. */
export function errorLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return redactUrl(text.replace(/\s*[\r\n]+\s*/g, ' ').trim());
}
