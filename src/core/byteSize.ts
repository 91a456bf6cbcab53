const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

/** A byte count for people, in powers of 1024 with one decimal: 512 B, 1.5 KiB, 75.2 GiB. */
export function byteSize(bytes: number): string {
  let value = bytes;
  let unit = 0;
  // 1023.96 MiB would print as "1024.0 MiB": move up when the rounded value reaches 1024.
  while (Math.abs(value) >= 1023.95 && unit < UNITS.length - 1) [value, unit] = [value / 1024, unit + 1];
  return unit === 0 ? `${Math.round(value)} B` : `${value.toFixed(1)} ${UNITS[unit]}`;
}
