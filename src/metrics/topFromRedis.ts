import { hostname } from 'node:os';
import type { SmsmonConfig } from '../core/configSchema.js';
import { currentTime } from '../core/timeSpec.js';
import type { TopState } from '../operators/topState.js';
import { closeRedis, openRedis, type RedisClient } from '../redis/redisConnection.js';
import { readSeries } from '../redis/seriesReader.js';
import { fleetNotes } from './fleetFigures.js';
import { readFleetFigures } from './readFleetFigures.js';
import { REDIS_CONNECT_TIMEOUT_MS, redisTargetFrom } from '../redis/redisTarget.js';

/** Where top's figures come from: refreshed every interval, closed once top stops. */
export interface TopSource {
  refresh(): Promise<void>;
  close(): Promise<void>;
}

/** Which stored snapshots: --redis, --prefix, --host, --fleet. */
export interface StoredSelection {
  redis?: string;
  prefix?: string;
  host?: string;
  fleet?: boolean;
}

/** The history read: as many snapshots as the screen's charts remember, one a minute from cron. */
const windowMs = (state: TopState): number => state.keep * 60_000;

/**
 * `top --from-redis`: each refresh reads the stored series of one host (or, with --fleet, every
 * host: the latest sample of each metric wins, but a percentile is merged from the hosts' sketches)
 * and shows the newest snapshot. The connection is opened once and closed when top stops: left
 * open it kept the process alive after q or Ctrl-C.
 */
export async function openTopFromRedis(
  config: SmsmonConfig,
  options: StoredSelection,
  state: TopState,
): Promise<TopSource> {
  const target = redisTargetFrom(config, options);
  const redis: RedisClient = await openRedis(target.url, { connectTimeoutMs: REDIS_CONNECT_TIMEOUT_MS });
  const host = options.host ?? hostname();
  const refresh = async (): Promise<void> => {
    const now = currentTime();
    const read = await readSeries(redis, target.layout, {
      host: options.fleet ? undefined : host,
      fleet: options.fleet === true,
      sinceMs: now - windowMs(state),
      nowMs: now,
    });
    const values = (name: string) => (read.series[name] ?? []).map((p) => p.value);
    const metrics: Record<string, number> = {};
    let newest = 0;
    for (const [name, points] of Object.entries(read.series)) {
      const last = points.at(-1);
      if (last) [metrics[name], newest] = [last.value, Math.max(newest, last.timestamp)];
    }
    // A fleet's percentiles: the hosts' sketches merged, not whichever host wrote last.
    const fleet = options.fleet ? await readFleetFigures(redis, target.layout, read.series) : {};
    for (const [name, { value }] of Object.entries(fleet)) {
      if (value === null) delete metrics[name];
      else metrics[name] = value;
    }
    const shownHost = options.fleet ? `${read.hosts.length} hosts` : host;
    state.seed({ cpu: values('cpu_percent'), memory: values('memory_percent'), requests: [] });
    state.latest = {
      snapshot: { host: shownHost, timestamp: newest || now, metrics, details: {}, failures: [] },
      requests: null,
      errorTypes: [],
      sms: null,
      health: null,
    };
    state.problem =
      newest === 0 ? `no snapshots of ${shownHost} in Redis for the last ${state.keep} minutes` : null;
    state.note = fleetNotes(fleet).join('; ') || null;
  };
  return { refresh, close: () => closeRedis(redis) };
}
