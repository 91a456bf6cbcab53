import type { CandidateFinder } from './candidateFinder.js';
import { firstOfSearch } from './firstOfSearch.js';

/**
 * Records whose text holds one of a few literals ('processing_time', the literals a --grep regex
 * requires), found by searching the raw bytes for them: a hit may be on any line, and only the
 * few lines around it are decoded and matched. Records without one are skipped unread (STYLE
 * habit 6). With `ignoreCase` the literals must be ASCII: the window is read as latin1, one
 * character a byte, and searched by a case-blind regex, which matches an ASCII letter in its two
 * cases and no byte of a multi-byte character.
 */
export class LiteralFinder implements CandidateFinder {
  readonly inBody = true;
  private readonly search: (window: Buffer, from: number) => number;

  constructor(literals: string | readonly string[], ignoreCase = false) {
    const all = typeof literals === 'string' ? [literals] : literals;
    if (ignoreCase) {
      if (all.some((l) => /[^\x20-\x7e]/.test(l))) throw new Error('case-blind literals must be ASCII');
      this.search = caseBlindSearch(all);
    } else if (all.length === 1) {
      const literal = Buffer.from(all[0]!, 'utf8');
      this.search = (window, from) => window.indexOf(literal, from);
    } else {
      this.search = firstOfSearch(all.map((l) => Buffer.from(l, 'utf8')));
    }
  }

  next(window: Buffer, from: number): number {
    return this.search(window, from);
  }
}

/** The first case-blind hit of any literal, in the window read as latin1 (offsets are bytes). */
function caseBlindSearch(literals: readonly string[]): (window: Buffer, from: number) => number {
  const escaped = literals.map((l) => l.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&'));
  const regex = new RegExp(escaped.join('|'), 'gi');
  let seen: Buffer | null = null;
  let text = '';
  let hit = -2;
  return (window, from) => {
    if (window !== seen) {
      seen = window;
      text = window.toString('latin1');
      hit = -2;
    }
    if (hit === -2 || (hit !== -1 && hit < from)) {
      regex.lastIndex = from;
      hit = regex.exec(text)?.index ?? -1;
    }
    return hit;
  };
}
