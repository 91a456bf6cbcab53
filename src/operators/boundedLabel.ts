import { detach } from '../core/detach.js';
import { capKey } from '../core/recordLimits.js';

/** The label value every value past the limit falls into. */
export const OVERFLOW = 'other';

/**
 * Keeps a label's cardinality bounded without ever taking a series away: the first `limit`
 * distinct values keep their own series for the life of the process, every later value counts
 * under `other`. "Top N by count" would need to move a type out of its series when another
 * overtakes it, and that series' counter would then stop or go down — which Prometheus reads as
 * a restart — so first come, first kept.
 */
export class BoundedLabel {
  private readonly kept = new Set<string>();

  constructor(readonly limit: number) {}

  map(value: string): string {
    const cut = capKey(value);
    if (this.kept.has(cut)) return cut;
    if (this.kept.size >= this.limit) return OVERFLOW;
    this.kept.add(detach(cut));
    return cut;
  }

  get size(): number {
    return this.kept.size;
  }
}
