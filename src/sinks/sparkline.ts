const BARS = '▁▂▃▄▅▆▇█';
const STEPS = BARS.length;

/** The range a chart is drawn over; by default the lowest to the highest value shown. */
export interface ChartScale {
  low?: number;
  high?: number;
}

/**
 * A one-line chart of values in time order: at most `width` characters, each the mean of the
 * values that fall in its slice (fewer values than width: one character each, never stretched),
 * scaled from the lowest to the highest value. A constant series is a flat `▄` line; a missing
 * sample (NaN) is a space, a gap as in any chart.
 */
export function sparkline(values: readonly number[], width: number, scale: ChartScale = {}): string {
  return sparkChart(values, width, 1, scale)[0]!;
}

/**
 * The same chart `height` rows tall (top row first), each row `STEPS` levels finer than one
 * line: the lowest value is one eighth of the bottom row, the highest the full height.
 */
export function sparkChart(
  values: readonly number[],
  width: number,
  height: number,
  scale: ChartScale = {},
): string[] {
  const means = sliceMeans(values, Math.max(0, Math.floor(width)));
  const levels = levelsOf(means, Math.max(1, height) * STEPS, scale);
  const rows: string[] = [];
  for (let row = Math.max(1, height) - 1; row >= 0; row--)
    rows.push(levels.map((level) => cellOf(level - row * STEPS)).join(''));
  return rows;
}

/** Level 0 is a gap; 1..STEPS fill this row partly; more fills it. */
function cellOf(level: number): string {
  if (level <= 0) return ' ';
  return BARS[Math.min(STEPS, level) - 1]!;
}

/** Time order kept; more values than slices: each slice's mean, NaN ignored (all NaN: a gap). */
function sliceMeans(values: readonly number[], slices: number): number[] {
  if (values.length <= slices) return [...values];
  const means: number[] = [];
  for (let i = 0; i < slices; i++) {
    const from = Math.floor((i * values.length) / slices);
    const to = Math.floor(((i + 1) * values.length) / slices);
    let sum = 0;
    let count = 0;
    for (let j = from; j < to; j++)
      if (Number.isFinite(values[j])) {
        sum += values[j]!;
        count++;
      }
    means.push(count === 0 ? NaN : sum / count);
  }
  return means;
}

/** 1..top for each finite value (0 for a gap); a constant series is drawn at half height. */
function levelsOf(values: readonly number[], top: number, scale: ChartScale): number[] {
  const finite = values.filter(Number.isFinite);
  const low = scale.low ?? Math.min(...finite);
  const high = scale.high ?? Math.max(...finite);
  const span = high - low;
  // Float noise (a mean that differs in the 16th digit) is still a constant.
  const flat = !(span > 1e-9 * Math.max(Math.abs(low), Math.abs(high)));
  return values.map((value) => {
    if (!Number.isFinite(value)) return 0;
    if (flat) return Math.ceil(top / 2);
    const fraction = Math.min(1, Math.max(0, (value - low) / span));
    return 1 + Math.round(fraction * (top - 1));
  });
}
