/**
 * systeminformation is only the fallback where /proc is missing: importing it costs more than all
 * the Linux reads together (bench/DECISIONS.md), so it is loaded on first use, not at startup.
 */
export type SystemInformation = typeof import('systeminformation');

let loading: Promise<SystemInformation> | undefined;

export function loadSystemInformation(): Promise<SystemInformation> {
  loading ??= import('systeminformation');
  return loading;
}
