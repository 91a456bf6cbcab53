import { UsageError } from '../core/errors.js';
import type { RedisLayout } from '../core/redisLayout.js';
import type { MetricsSnapshot } from '../core/snapshot.js';
import { errorLine } from '../core/errors.js';
import { redisReady, type RedisClient } from './redisConnection.js';
import { acquireRedisLock } from './redisLock.js';
import { writeSnapshot, type SnapshotWriteOptions, type SnapshotWriteResult } from './redisSnapshot.js';
import { replaySpool, spoolSnapshot, type ReplayResult, type SpoolResult } from './snapshotSpool.js';

export interface StoreSnapshotOptions extends SnapshotWriteOptions {
  readonly layout: RedisLayout;
  readonly spoolPath: string;
  readonly maxSpoolEntries: number;
  /** The host lock frees itself after this long if its holder dies; replay extends it per entry. */
  readonly lockTtlMs: number;
  /** How long a run waits for another run of the same host before spooling instead. */
  readonly lockWaitMs: number;
}

export type StoreOutcome =
  | { readonly stored: true; readonly write: SnapshotWriteResult; readonly replay: ReplayResult }
  | {
      readonly stored: false;
      readonly reason: 'unreachable' | 'locked' | 'failed';
      /** One line, no password. */
      readonly message: string;
      readonly spool: SpoolResult;
      readonly replay?: ReplayResult;
    };

/**
 * One `metrics snapshot` run: connect, take the host's lock, replay the spool (oldest first),
 * write this snapshot last, release the lock. Whatever keeps the snapshot out of Redis (Redis
 * down, a write failing, or another run holding the lock past lockWaitMs) spools it for the next
 * run instead, so nothing is lost and overlapping cron runs never write or replay at the same time.
 * A UsageError (a configuration the snapshot can never be written with) is thrown, not spooled.
 */
export async function storeSnapshot(
  redis: RedisClient,
  snapshot: MetricsSnapshot,
  options: StoreSnapshotOptions,
): Promise<StoreOutcome> {
  const spoolInstead = async (
    reason: 'unreachable' | 'locked' | 'failed',
    why: unknown,
    replay?: ReplayResult,
  ) => {
    if (why instanceof UsageError) throw why;
    const spool = await spoolSnapshot(options.spoolPath, snapshot, options.maxSpoolEntries);
    return { stored: false as const, reason, message: errorLine(why), spool, ...(replay ? { replay } : {}) };
  };
  try {
    await redisReady(redis);
  } catch (error) {
    return spoolInstead('unreachable', error);
  }
  const lockKey = options.layout.lockKey(snapshot.host);
  let lock;
  try {
    lock = await acquireRedisLock(redis, lockKey, { ttlMs: options.lockTtlMs, waitMs: options.lockWaitMs });
  } catch (error) {
    return spoolInstead('failed', error);
  }
  if (!lock) {
    return spoolInstead('locked', `another run holds ${lockKey} (waited ${options.lockWaitMs} ms)`);
  }
  try {
    const held = lock;
    const replay = await replaySpool(options.spoolPath, async (spooled) => {
      if (!(await held.extend())) throw new Error(`lost ${lockKey} while replaying the spool`);
      await writeSnapshot(redis, spooled, options.layout, options);
    });
    if (replay.failure) return await spoolInstead('failed', replay.failure, replay);
    const write = await writeSnapshot(redis, snapshot, options.layout, options);
    return { stored: true, write, replay };
  } catch (error) {
    return await spoolInstead('failed', error);
  } finally {
    await lock.release().catch(() => false);
  }
}
