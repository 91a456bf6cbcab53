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

const UNSAFE_IN_JSON = /[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Escapes control characters but keeps newlines and tabs. */
export function escapeControls(text: string): string {
  return text.replace(UNSAFE, escapeChar);
}

/** Escapes control characters including newlines and tabs: the result is one line. */
export function escapeToOneLine(text: string): string {
  return escapeControlsToOneLine(text.replace(/\\/g, '\\\\'));
}

/**
 * One line like escapeToOneLine, backslashes left as written: for smsmon's own messages that quote
 * outside text (a regex, a path, a server's reply), where reading back is not the point.
 */
export function escapeControlsToOneLine(text: string): string {
  return text.replace(UNSAFE_WITH_LAYOUT, escapeChar);
}

/**
 * The last step of all stdout on a terminal. JSON.stringify escapes C0 but leaves DEL, C1 (U+009B
 * is CSI to some terminals) and bidi controls as they are; `\uXXXX` is the same JSON value. Text
 * output has none left by then: escapeToOneLine took them.
 */
export function escapeForTerminalJson(text: string): string {
  return text.replace(UNSAFE_IN_JSON, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
