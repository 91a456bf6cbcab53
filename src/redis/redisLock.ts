import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { RedisClient } from './redisClient.js';

/** A lock held in Redis by one run: `SET key <token> NX PX ttl`, released only by its owner. */
export interface RedisLock {
  readonly key: string;
  readonly token: string;
  /** Pushes the expiry out to ttlMs again; false if the lock expired and someone else took it. */
  extend(): Promise<boolean>;
  /** Deletes the key only if it still holds this token; false if it had expired already. */
  release(): Promise<boolean>;
}

export interface RedisLockOptions {
  /** The lock frees itself after this long if its holder dies. */
  readonly ttlMs: number;
  /** How long to keep trying before giving up (0: one attempt). */
  readonly waitMs: number;
  readonly pollMs?: number;
}

const DELETE_IF_OWNER = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

const EXTEND_IF_OWNER = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0`;

/** Tries until waitMs has passed; null when another holder kept the lock all that time. */
export async function acquireRedisLock(
  redis: RedisClient,
  key: string,
  options: RedisLockOptions,
): Promise<RedisLock | null> {
  const token = randomUUID();
  const giveUpAt = Date.now() + options.waitMs;
  for (;;) {
    if ((await redis.set(key, token, 'PX', options.ttlMs, 'NX')) === 'OK') {
      return {
        key,
        token,
        extend: async () => (await redis.eval(EXTEND_IF_OWNER, 1, key, token, options.ttlMs)) === 1,
        release: async () => (await redis.eval(DELETE_IF_OWNER, 1, key, token)) === 1,
      };
    }
    const left = giveUpAt - Date.now();
    if (left <= 0) return null;
    await sleep(Math.min(options.pollMs ?? 50, left));
  }
}
