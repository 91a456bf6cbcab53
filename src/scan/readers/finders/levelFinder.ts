import { startsWith } from '../../../parsers/headerSteps.js';
import type { CandidateFinder } from './candidateFinder.js';
import { firstOfSearch } from './firstOfSearch.js';

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
  /** The same preceded by the previous line's end, searched for together. */
  private readonly search: (window: Buffer, from: number) => number;

  constructor(levels: readonly string[], levelLinePrefix: (level: string) => string) {
    const prefixes = levels.map(levelLinePrefix);
    this.starts = prefixes.map((p) => Buffer.from(p, 'utf8'));
    this.search = firstOfSearch(prefixes.map((p) => Buffer.from('\n' + p, 'utf8')));
  }

  next(window: Buffer, from: number): number {
    // The record just read usually ends at a header of a wanted level (errors.log holds no
    // other): then it is the next candidate, without a search.
    for (const start of this.starts) if (startsWith(window, from, start)) return from;
    // The line at `from` itself was tried: the next one starts after a newline.
    const hit = this.search(window, Math.max(0, from - 1));
    return hit === -1 ? -1 : hit + 1;
  }
}
