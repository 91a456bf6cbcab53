/**
 * Text for roff (man(7)): backslashes and hyphens escaped, a leading . or ' made literal, and
 * characters past ASCII written as \[uXXXX], so any groff renders them without a preprocessor.
 */
export function roffText(text: string): string {
  const escaped = [...text]
    .map((char) => {
      if (char === '\\') return '\\e';
      if (char === '-') return '\\-';
      const code = char.codePointAt(0)!;
      return code < 0x80 ? char : `\\[u${code.toString(16).toUpperCase().padStart(4, '0')}]`;
    })
    .join('');
  return /^[.']/.test(escaped) ? `\\&${escaped}` : escaped;
}

export function bold(text: string): string {
  return `\\fB${roffText(text)}\\fR`;
}

/** Markdown's inline marks as roff: `code` and **strong** in bold, [text](link) as its text. */
export function roffFromMarkdown(text: string): string {
  return text
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .split(/(`[^`]*`|\*\*[^*]+\*\*)/)
    .map((part) =>
      part.startsWith('`') || part.startsWith('**')
        ? bold(part.replace(/^(`|\*\*)|(`|\*\*)$/g, ''))
        : roffText(part),
    )
    .join('');
}
