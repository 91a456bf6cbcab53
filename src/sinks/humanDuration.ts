/** Units from the largest down, each used from its size up (a value below 1 µs stays in µs). */
const UNITS: ReadonlyArray<readonly [string, number]> = [
  ['s', 1],
  ['ms', 1e-3],
  ['µs', 1e-6],
];

/**
 * A duration for people: three significant digits in the largest unit that keeps it at least 1
 * (812µs, 53.0ms, 1.23s), minutes and hours from a minute on (2m05s, 3h07m), days beyond.
 */
export function humanDuration(seconds: number | null): string {
  if (seconds === null) return '-';
  if (seconds === 0) return '0';
  if (!Number.isFinite(seconds)) return String(seconds);
  if (seconds >= 59.95) return clock(seconds);
  for (const [unit, size] of UNITS) {
    const text = threeDigits(seconds / size);
    // 999.96ms rounds to 1000: that is 1.00s.
    if (Number(text) >= 1 && (Number(text) < 1000 || size === 1)) return text + unit;
  }
  return threeDigits(seconds / 1e-6) + 'µs';
}

function clock(seconds: number): string {
  const whole = Math.round(seconds);
  if (whole < 3600) return `${Math.floor(whole / 60)}m${pad(whole % 60)}s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 24 * 60) return `${Math.floor(minutes / 60)}h${pad(minutes % 60)}m`;
  const hours = Math.round(seconds / 3600);
  if (hours < 1e6 * 24) return `${Math.floor(hours / 24)}d${pad(hours % 24)}h`;
  return `${seconds.toExponential(2)}s`;
}

function threeDigits(value: number): string {
  const text = value.toPrecision(3);
  return text.includes('e') ? String(Number(text)) : text;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
