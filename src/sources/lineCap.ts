import { MAX_LINE_BYTES } from '../core/recordLimits.js';

/**
 * Where a line of `length` bytes in `bytes` (from `start`) is cut to MAX_LINE_BYTES: on a
 * character boundary, so the kept part decodes without a broken last character.
 */
export function lineCutAt(bytes: Buffer, start: number, length: number): number {
  return length <= MAX_LINE_BYTES ? start + length : charStart(bytes, start + MAX_LINE_BYTES);
}

/** `at`, or the start of the UTF-8 character `at` falls inside of (before its continuation bytes). */
export function charStart(bytes: Buffer, at: number): number {
  let start = at;
  for (let i = 0; i < 3 && start > 0 && isContinuation(bytes[start]!); i++) start--;
  return start;
}

/** A UTF-8 continuation byte (10xxxxxx): never the first byte of a character. */
export function isContinuation(byte: number): boolean {
  return (byte & 0xc0) === 0x80;
}
