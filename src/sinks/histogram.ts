import type { Bucket } from '../operators/logBuckets.js';
import { humanDuration } from './humanDuration.js';

export interface HistogramOptions {
  /** Terminal columns; 80 off a terminal. */
  width: number;
  /** A terminal gets solid blocks, anything else '#'. */
  terminal: boolean;
}

/**
 * A bar chart of log-scale buckets, one line per bucket: range, count, bar scaled to the
 * fullest bucket. Any non-empty bucket gets at least one mark, so a rare slow tail stays visible.
 *
 *   50.0ms – 100ms   1,204 ████████████████
 */
export function renderHistogram(buckets: readonly Bucket[], { width, terminal }: HistogramOptions): string {
  if (buckets.length === 0) return '';
  const labels = buckets.map((b) => (b.to === 0 ? '0' : `${humanDuration(b.from)} – ${humanDuration(b.to)}`));
  const counts = buckets.map((b) => b.count.toLocaleString('en-US'));
  const labelWidth = Math.max(...labels.map((l) => l.length));
  const countWidth = Math.max(...counts.map((c) => c.length));
  const barWidth = Math.max(10, width - labelWidth - countWidth - 3);
  const most = Math.max(...buckets.map((b) => b.count));
  const mark = terminal ? '█' : '#';
  return buckets
    .map((bucket, i) => {
      const length = bucket.count === 0 ? 0 : Math.max(1, Math.round((bucket.count / most) * barWidth));
      return `${labels[i]!.padEnd(labelWidth)}  ${counts[i]!.padStart(countWidth)} ${mark.repeat(length)}`.trimEnd();
    })
    .join('\n')
    .concat('\n');
}
