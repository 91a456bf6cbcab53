import { hostname } from 'node:os';
import type { SmsmonConfig } from '../core/configSchema.js';
import { currentTime } from '../core/timeSpec.js';
import { HISTORY, type TopState } from '../operators/topState.js';
import { openRedis, type RedisClient } from '../sinks/redisConnection.js';
import { readSeries } from '../sources/redisSeries.js';
import { REDIS_CONNECT_TIMEOUT_MS, redisTargetFrom } from './redisOptions.js';
import type { TopCommandOptions } from './top.js';

/** The history shown: as many snapshots as the screen remembers, one a minute from cron. */
const WINDOW_MS = HISTORY * 60_000;

/**
 * `top --from-redis`: each refresh reads the stored series of one host (or, with --fleet, every
 * host: the latest sample of each metric wins) and shows the newest snapshot. The connection is
 * opened once and closed when the process exits.
 */
export async function openTopFromRedis(
  config: SmsmonConfig,
  options: TopCommandOptions,
  state: TopState,
): Promise<() => Promise<void>> {
  const target = redisTargetFrom(config, options);
  const redis: RedisClient = await openRedis(target.url, { connectTimeoutMs: REDIS_CONNECT_TIMEOUT_MS });
  process.once('exit', () => redis.disconnect());
  const host = options.host ?? hostname();
  return async () => {
    const now = currentTime();
    const read = await readSeries(redis, target.layout, {
      host: options.fleet ? undefined : host,
      fleet: options.fleet === true,
      sinceMs: now - WINDOW_MS,
      nowMs: now,
    });
    const values = (name: string) => (read.series[name] ?? []).map((p) => p.value);
    const metrics: Record<string, number> = {};
    let newest = 0;
    for (const [name, points] of Object.entries(read.series)) {
      const last = points.at(-1);
      if (last) [metrics[name], newest] = [last.value, Math.max(newest, last.timestamp)];
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
      newest === 0 ? `no snapshots of ${shownHost} in Redis for the last ${HISTORY} minutes` : null;
  };
}
