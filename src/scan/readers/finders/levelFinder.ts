import { startsWith } from '../../../parsers/headerSteps.js';
import type { CandidateFinder } from './candidateFinder.js';

/**
 * Header lines of the wanted levels, found by searching the raw bytes for the text they start
 * with ('\nERROR '): on app.log most records are INFO, and skipping them undecoded is what makes
 * `--level ERROR` fast. Only for formats whose header lines start with the level
 * (`levelLinePrefix`).
 */
export class LevelFinder implements CandidateFinder {
  readonly inBody = false;
  /** 'ERROR ' and so on: how a header line of a wanted level begins. */
  private readonly starts: Buffer[];
  /** The same preceded by the previous line's end. */
  private readonly needles: Buffer[];
  /** Per needle: its next hit in `window` (-1 none, -2 not searched yet). */
  private readonly found: number[];
  private window: Buffer | null = null;

  constructor(levels: readonly string[], levelLinePrefix: (level: string) => string) {
    const prefixes = levels.map(levelLinePrefix);
    this.starts = prefixes.map((p) => Buffer.from(p, 'utf8'));
    this.needles = prefixes.map((p) => Buffer.from('\n' + p, 'utf8'));
    this.found = this.needles.map(() => -2);
  }

  next(window: Buffer, from: number): number {
    // The record just read usually ends at a header of a wanted level (errors.log holds no
    // other): then it is the next candidate, without a search.
    for (const start of this.starts) if (startsWith(window, from, start)) return from;
    if (window !== this.window) {
      this.window = window;
      this.found.fill(-2);
    }
    let best = -1;
    for (let i = 0; i < this.needles.length; i++) {
      let at = this.found[i]!;
      if (at === -2 || (at !== -1 && at < from)) {
        // The line at `from` itself was tried: the next one starts after a newline.
        const hit = window.indexOf(this.needles[i]!, Math.max(0, from - 1));
        at = hit === -1 ? -1 : hit + 1;
        this.found[i] = at;
      }
      if (at !== -1 && (best === -1 || at < best)) best = at;
    }
    return best;
  }
}
