import { escapeControlsToOneLine } from './safeText.js';

/**
 * One `smsmon: …` line on stderr. Its text quotes what others wrote — PostgreSQL and Redis
 * errors, file names, server replies — so it is escaped to one line here, once, for every caller.
 */
export function writeNotice(text: string, stream: NodeJS.WritableStream = process.stderr): void {
  stream.write(`smsmon: ${escapeControlsToOneLine(text)}\n`);
}
