/** Shorter literals would hit nearly every record and only cost the search. */
const MIN_LITERAL = 3;

/**
 * The longest ASCII text every match of a JavaScript regex (no flags) must contain, read from
 * its top level: `took (?<value>\d+)ms` → 'took '. Groups, classes, escapes other than escaped
 * punctuation, optional characters and any top-level alternation end or rule out a literal, so
 * the answer is conservative: undefined when in doubt. A scan may then skip records without it.
 */
export function requiredLiteral(source: string): string | undefined {
  let best = '';
  let run = '';
  const cut = (): void => {
    if (run.length > best.length) best = run;
    run = '';
  };
  for (let i = 0; i < source.length;) {
    const c = source[i]!;
    if (c === '|') return undefined;
    if (c === '(' || c === '[') {
      cut();
      i = skipGroupOrClass(source, i);
      continue;
    }
    if (c === '*' || c === '+' || c === '?' || c === '{') {
      const { end, atLeastOnce } = quantifier(source, i);
      if (!atLeastOnce) run = run.slice(0, -1); // the character before is optional
      cut();
      i = end;
      continue;
    }
    if (c === '\\') {
      const next = source[i + 1] ?? '';
      if (/^[!-/:-@[-`{-~]$/.test(next)) {
        run += next; // escaped punctuation is itself
        i += 2;
      } else {
        cut();
        i = skipEscape(source, i);
      }
      continue;
    }
    if (c === '.' || c === '^' || c === '$' || c.charCodeAt(0) > 0x7e || c.charCodeAt(0) < 0x20) cut();
    else run += c;
    i++;
  }
  cut();
  return best.length >= MIN_LITERAL ? best : undefined;
}

/** Index after a group (nested groups, classes and escapes inside) or a character class. */
function skipGroupOrClass(source: string, start: number): number {
  if (source[start] === '[') return skipClass(source, start);
  let depth = 0;
  for (let i = start; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (c === '[') i = skipClass(source, i) - 1;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i + 1;
  }
  return source.length;
}

/** Index after the class starting at `start` ('[]' is an empty class in JavaScript). */
function skipClass(source: string, start: number): number {
  for (let i = start + 1; i < source.length; i++) {
    if (source[i] === '\\') i++;
    else if (source[i] === ']') return i + 1;
  }
  return source.length;
}

/** A quantifier at `start`: where it ends (a lazy '?' included) and whether it demands one or more. */
function quantifier(source: string, start: number): { end: number; atLeastOnce: boolean } {
  let end = start + 1;
  let atLeastOnce = source[start] === '+';
  if (source[start] === '{') {
    const match = /^\{(\d+)(?:,\d*)?\}/.exec(source.slice(start));
    if (!match) return { end: start + 1, atLeastOnce: false }; // a literal '{': be conservative
    end = start + match[0].length;
    atLeastOnce = Number(match[1]) >= 1;
  }
  if (source[end] === '?') end++;
  return { end, atLeastOnce };
}

/** Index after an escape that is not a literal: \d, \b, \x41, \u00e9, \u{1F600}, \cM, \1, \k<name>. */
function skipEscape(source: string, start: number): number {
  const kind = source[start + 1] ?? '';
  if (kind === 'x') return start + 4;
  if (kind === 'u')
    return source[start + 2] === '{' ? source.indexOf('}', start) + 1 || source.length : start + 6;
  if (kind === 'c') return start + 3;
  if (kind === 'k') return source.indexOf('>', start) + 1 || source.length;
  if (/\d/.test(kind)) {
    let i = start + 1;
    while (/\d/.test(source[i] ?? '')) i++;
    return i;
  }
  return start + 2;
}
