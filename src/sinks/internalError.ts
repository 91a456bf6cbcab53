import { errorLine } from '../core/errors.js';
import { redactUrl } from '../core/redact.js';
import { writeNotice } from './notice.js';
import { escapeControls } from './safeText.js';

/**
 * A failure smsmon did not expect (a bug, not bad input): one line, so a cron mail or a Nagios
 * status line stays readable; the stack only when SMSMON_DEBUG=1 asks for it.
 */
export function writeInternalError(
  error: unknown,
  env: NodeJS.ProcessEnv = process.env,
  stream: NodeJS.WritableStream = process.stderr,
): void {
  const line = errorLine(error) || (error instanceof Error ? error.name : 'unknown failure');
  writeNotice(`internal error: ${line}`, stream);
  if (env.SMSMON_DEBUG === '1' && error instanceof Error && error.stack)
    stream.write(`${escapeControls(redactUrl(error.stack))}\n`);
}
