/**
 * SMS bodies come from the public: a message can carry ANSI escapes, cursor movement or bidi
 * overrides. Shown on a terminal they are escaped to visible text, never passed through.
 * Newlines and tabs are handled by the caller (kept, or escaped where one line is required).
 */
const UNSAFE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const UNSAFE_WITH_LAYOUT = /[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

function escapeChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (ch === '\n') return '\\n';
  if (ch === '\t') return '\\t';
  if (ch === '\r') return '\\r';
  return code <= 0xff
    ? `\\x${code.toString(16).padStart(2, '0')}`
    : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** Escapes control characters but keeps newlines and tabs. */
export function escapeControls(text: string): string {
  return text.replace(UNSAFE, escapeChar);
}

/** Escapes control characters including newlines and tabs: the result is one line. */
export function escapeToOneLine(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(UNSAFE_WITH_LAYOUT, escapeChar);
}
