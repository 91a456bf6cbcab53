import { readFile } from 'node:fs/promises';
import { networkInterfaces } from 'node:os';
import { loadSystemInformation } from './systemInformation.js';

/** Cumulative byte counters per interface name. */
export type NetCounters = ReadonlyMap<string, { readonly rxBytes: number; readonly txBytes: number }>;

export interface InterfaceRate {
  readonly iface: string;
  readonly rx_bytes_per_sec: number;
  readonly tx_bytes_per_sec: number;
}

/** /proc/net/dev: two header lines, then `name: rx_bytes rx_packets … (8 rx fields) tx_bytes …`. */
export function parseNetDev(text: string): NetCounters {
  const counters = new Map<string, { rxBytes: number; txBytes: number }>();
  for (const line of text.split('\n')) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const fields = line
      .slice(colon + 1)
      .trim()
      .split(/\s+/);
    if (fields.length < 9) continue;
    counters.set(line.slice(0, colon).trim(), { rxBytes: Number(fields[0]), txBytes: Number(fields[8]) });
  }
  return counters;
}

/**
 * Bytes per second between two readings `elapsedMs` apart, for interfaces present in both and
 * not loopback. A counter that went down (interface reset, 32-bit wrap) reads 0, not negative.
 */
export function interfaceRates(
  before: NetCounters,
  after: NetCounters,
  elapsedMs: number,
  isLoopback: (iface: string) => boolean,
): InterfaceRate[] {
  const rates: InterfaceRate[] = [];
  if (elapsedMs <= 0) return rates;
  const perSecond = (from: number, to: number) => Math.round(Math.max(0, to - from) / (elapsedMs / 1000));
  for (const [iface, end] of after) {
    const start = before.get(iface);
    if (!start || isLoopback(iface)) continue;
    rates.push({
      iface,
      rx_bytes_per_sec: perSecond(start.rxBytes, end.rxBytes),
      tx_bytes_per_sec: perSecond(start.txBytes, end.txBytes),
    });
  }
  return rates;
}

/** Loopback by the OS's own flag; `lo` also when it has no address (os.networkInterfaces omits it). */
export function loopbackNames(): ReadonlySet<string> {
  const names = new Set(['lo']);
  for (const [name, addresses] of Object.entries(networkInterfaces())) {
    if (addresses?.some((address) => address.internal)) names.add(name);
  }
  return names;
}

/**
 * Elsewhere systeminformation reads the counters (netstat, once per call); it returns a cached
 * reading for calls under 500 ms apart, so shorter windows there report 0.
 */
export async function readNetCounters(): Promise<NetCounters> {
  if (process.platform === 'linux') return parseNetDev(await readFile('/proc/net/dev', 'latin1'));
  const { networkStats } = await loadSystemInformation();
  const stats = await networkStats('*');
  return new Map(stats.map((s) => [s.iface, { rxBytes: s.rx_bytes, txBytes: s.tx_bytes }]));
}
