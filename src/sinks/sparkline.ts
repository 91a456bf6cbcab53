const BARS = '▁▂▃▄▅▆▇█';

/**
 * A one-line chart of values in time order: at most `width` characters, each the mean of the
 * values that fall in its slice, scaled from the lowest to the highest value shown.
 */
export function sparkline(values: readonly number[], width: number): string {
  if (values.length === 0) return '';
  const slices = Math.min(width, values.length);
  const means: number[] = [];
  for (let i = 0; i < slices; i++) {
    const from = Math.floor((i * values.length) / slices);
    const to = Math.floor(((i + 1) * values.length) / slices);
    let sum = 0;
    for (let j = from; j < to; j++) sum += values[j]!;
    means.push(sum / (to - from));
  }
  const low = Math.min(...means);
  const span = Math.max(...means) - low;
  return means
    .map(
      (v) => BARS[span === 0 ? 3 : Math.min(BARS.length - 1, Math.floor(((v - low) / span) * BARS.length))],
    )
    .join('');
}
