/** Shorter literals would hit nearly every record and only cost the search. */
const MIN_LITERAL = 3;
/** More alternatives than this cost more searches than the records they let a scan skip. */
const MAX_ALTERNATIVES = 8;

/**
 * Texts of which every match of a JavaScript regex (flags '' or 'i', never 'u') contains at
 * least one: `twilio` → ['twilio'], `sms (sent|failed)` → ['sms '], `timeout|refused` → both.
 * ASCII only: under 'i' without 'u' an ASCII letter matches only its two ASCII cases, so a
 * case-blind byte search finds every match; a non-ASCII character ends a literal. Anything not
 * understood (classes, escapes other than punctuation, lookarounds, backreferences, optional
 * parts) ends a literal too, so the answer errs towards fewer or no literals: null when no
 * literal of MIN_LITERAL characters is required.
 */
export function requiredLiterals(source: string): string[] | null {
  const parser = new Parser(source);
  let found: string[] | null;
  try {
    found = parser.alternation();
  } catch (error) {
    if (error instanceof NotUnderstood) return null;
    throw error;
  }
  if (parser.at < source.length || found === null) return null;
  return found.every((l) => l.length >= MIN_LITERAL) ? found : null;
}

/** The one literal every match contains (a --pattern's keyword), when there is one. */
export function requiredLiteral(source: string): string | undefined {
  const literals = requiredLiterals(source);
  return literals?.length === 1 ? literals[0] : undefined;
}

/** Which of two required sets to search: the one whose shortest literal is longest, then the smaller one. */
function better(a: string[] | null, b: string[] | null): string[] | null {
  if (a === null) return b;
  if (b === null) return a;
  const shortest = (set: string[]) => Math.min(...set.map((l) => l.length));
  if (shortest(a) !== shortest(b)) return shortest(a) > shortest(b) ? a : b;
  return a.length <= b.length ? a : b;
}

class NotUnderstood extends Error {}

class Parser {
  at = 0;
  constructor(private readonly source: string) {}

  /** Branches up to ')' or the end: one literal of each (null when a branch has none). */
  alternation(): string[] | null {
    const all: string[] = [];
    let missing = false;
    for (;;) {
      const branch = this.sequence();
      if (branch === null) missing = true;
      else all.push(...branch);
      if (this.source[this.at] !== '|') break;
      this.at++;
    }
    if (missing || all.length > MAX_ALTERNATIVES) return null;
    return [...new Set(all)];
  }

  /** The best required set of one branch: its longest run of literal characters, or a required group's. */
  private sequence(): string[] | null {
    const s = this.source;
    let best: string[] | null = null;
    let run = '';
    const cut = (): void => {
      if (run !== '') best = better(best, [run]);
      run = '';
    };
    while (this.at < s.length && s[this.at] !== '|' && s[this.at] !== ')') {
      const c = s[this.at]!;
      if (c === '(') {
        cut();
        const inner = this.group();
        if (this.quantifier() >= 1 && inner !== null) best = better(best, inner);
        continue;
      }
      let literal: string | null = null; // the atom's character, when it is one
      if (c === '[') this.at = classEnd(s, this.at);
      else if (c === '\\') {
        const next = s[this.at + 1] ?? '';
        literal = /^[!-/:-@[-`{-~]$/.test(next) ? next : null; // escaped punctuation is itself
        this.at = literal === null ? escapeEnd(s, this.at) : this.at + 2;
      } else {
        const code = c.charCodeAt(0);
        literal = code >= 0x20 && code < 0x7f && c !== '.' && c !== '^' && c !== '$' ? c : null;
        this.at++;
      }
      if (literal === null) cut();
      const times = this.quantifier();
      if (literal !== null && times >= 1) run += literal;
      if (times !== 1) cut(); // optional, or repeated: the run cannot go on past it
    }
    cut();
    return best;
  }

  /** A group at '(': its required set, or null for a lookaround or one without. */
  private group(): string[] | null {
    const s = this.source;
    const open = /^\((\?(?:[:=!]|<[=!]|<[A-Za-z_$][\w$]*>))?/.exec(s.slice(this.at))!;
    // '(?' of anything else (a flag modifier such as '(?i:') is not understood: no literal at all.
    if (open[1] === undefined && s[this.at + 1] === '?') throw new NotUnderstood();
    this.at += open[0].length;
    const kind = open[1] ?? '';
    const inner = this.alternation();
    if (s[this.at] === ')') this.at++;
    const lookaround = kind === '?=' || kind === '?!' || kind === '?<=' || kind === '?<!';
    return lookaround ? null : inner;
  }

  /**
   * A quantifier at the current place, consumed: 1 without one, 0 when it allows none, 2 when
   * it demands one or more (a repeat). A '{' that is not a quantifier is left as a literal.
   */
  private quantifier(): number {
    const s = this.source;
    const c = s[this.at];
    let times: number;
    if (c === '*' || c === '?') {
      times = 0;
      this.at++;
    } else if (c === '+') {
      times = 2;
      this.at++;
    } else if (c === '{') {
      const match = /^\{(\d+)(?:,\d*)?\}/.exec(s.slice(this.at));
      if (!match) return 1;
      times = Number(match[1]) === 0 ? 0 : 2;
      this.at += match[0].length;
    } else return 1;
    if (s[this.at] === '?') this.at++; // lazy
    return times;
  }
}

/** Index after the class starting at `start` ('[]' is an empty class in JavaScript). */
function classEnd(source: string, start: number): number {
  for (let i = start + 1; i < source.length; i++) {
    if (source[i] === '\\') i++;
    else if (source[i] === ']') return i + 1;
  }
  return source.length;
}

/**
 * Index after an escape that is no punctuation: \d, \b, \n, \x41, \u00e9, \cM, \1, \k<name>.
 * Where JavaScript reads less (\x4 is 'x4', \c1 a backslash) only the shorter escape is skipped:
 * the characters after it are parsed as they are.
 */
function escapeEnd(source: string, start: number): number {
  const rest = source.slice(start + 1);
  if (/^x[\dA-Fa-f]{2}/.test(rest)) return start + 4;
  if (/^u[\dA-Fa-f]{4}/.test(rest)) return start + 6;
  if (/^c[A-Za-z]/.test(rest)) return start + 3;
  if (rest.startsWith('c')) return start + 1; // a backslash, then 'c' read on its own
  if (rest.startsWith('k<')) return source.indexOf('>', start) + 1 || source.length;
  const digits = /^\d+/.exec(rest);
  if (digits) return start + 1 + digits[0].length;
  return Math.min(source.length, start + 2);
}
