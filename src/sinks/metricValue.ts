import { byteSize } from '../core/byteSize.js';
import { humanDuration } from './humanDuration.js';

/** How a metric's value reads in a table, chosen by its name: adding a kind is adding an entry. */
const KINDS: ReadonlyArray<readonly [RegExp, (value: number) => string]> = [
  [/(_percent|^error_rate)$/, (v) => `${round(v, 1)} %`],
  [/_bytes_per_sec$/, (v) => `${byteSize(v)}/s`],
  [/_bytes$/, byteSize],
  [/(processing_time(_p\d+)?|_seconds)$/, humanDuration],
  [/^load_average_/, (v) => round(v, 2)],
];

/** A metric value for people: 12.3 %, 1.2 MiB/s, 53.0ms, 1,234. */
export function metricValueText(name: string, value: number): string {
  for (const [pattern, format] of KINDS) if (pattern.test(name)) return format(value);
  return Number.isInteger(value) ? value.toLocaleString('en-US') : round(value, 3);
}

function round(value: number, digits: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: digits, useGrouping: false });
}
