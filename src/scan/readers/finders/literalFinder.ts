import type { CandidateFinder } from './candidateFinder.js';

/**
 * Records whose text holds a literal ('processing_time', a --grep word), case-sensitive, found by
 * searching the raw bytes for it: a hit may be on any line, and only the few lines around it are
 * decoded and matched. Records without it are skipped unread (STYLE habit 6).
 */
export class LiteralFinder implements CandidateFinder {
  readonly inBody = true;
  private readonly literal: Buffer;

  constructor(literal: string) {
    this.literal = Buffer.from(literal, 'utf8');
  }

  next(window: Buffer, from: number): number {
    return window.indexOf(this.literal, from);
  }
}
