/**
 * systeminformation is only the fallback where /proc is missing: importing it takes ~40–50 ms,
 * ten times all the Linux reads together, so it is loaded on first use rather than at startup.
 */
export type SystemInformation = typeof import('systeminformation');

let loading: Promise<SystemInformation> | undefined;

export function loadSystemInformation(): Promise<SystemInformation> {
  loading ??= import('systeminformation');
  return loading;
}
