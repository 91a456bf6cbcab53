import type { SmsmonConfig } from '../core/configSchema.js';
import { redisLayout, type RedisLayout } from './redisLayout.js';

/** When neither --redis, REDIS_URL nor redis.url says otherwise. */
export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';
/** Connecting is given this long before the snapshot is spooled instead. */
export const REDIS_CONNECT_TIMEOUT_MS = 3_000;

export interface RedisTarget {
  url: string;
  layout: RedisLayout;
}

/** --redis/--prefix/--guide-layout over the config. The guide layout keeps its own `metrics` prefix unless --prefix. */
export function redisTargetFrom(
  config: SmsmonConfig,
  options: { redis?: string; prefix?: string; guideLayout?: boolean },
): RedisTarget {
  const name = options.guideLayout ? 'guide' : config.redis.layout;
  const prefix = options.prefix ?? (name === 'guide' ? undefined : config.redis.prefix);
  return { url: options.redis ?? config.redis.url ?? DEFAULT_REDIS_URL, layout: redisLayout(name, prefix) };
}
