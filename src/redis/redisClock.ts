import type { RedisClient } from './redisClient.js';

/**
 * Redis' own clock (TIME) in ms. Stored snapshots are judged by it, not by this machine's clock:
 * every writer and reader of one Redis shares it, whatever their own clocks say.
 */
export async function redisTimeMs(redis: RedisClient): Promise<number> {
  const [seconds, micros] = await redis.time();
  return Number(seconds) * 1000 + Math.floor(Number(micros) / 1000);
}

/** How far `timestamp` lies ahead of `nowMs`, when by more than `maxSkewMs`; else null. */
export function aheadBeyondSkew(timestamp: number, nowMs: number, maxSkewMs: number): number | null {
  const ahead = timestamp - nowMs;
  return ahead > maxSkewMs ? ahead : null;
}
