import { UsageError } from '../core/errors.js';
import type { RedisLayout } from './redisLayout.js';
import { durationMs } from '../core/duration.js';
import type { SmsmonConfig } from '../core/configSchema.js';
import type { MetricsSnapshot } from '../core/snapshot.js';
import { errorLine } from '../core/errors.js';
import { redisReady, type RedisClient } from './redisConnection.js';
import { acquireRedisLock } from './redisLock.js';
import {
  FutureSnapshotError,
  writeSnapshot,
  type SnapshotWriteOptions,
  type SnapshotWriteResult,
} from './snapshotWriter.js';
import { replaySpool, spoolSnapshot, type ReplayResult, type SpoolResult } from '../sinks/snapshotSpool.js';
import { SpoolError } from '../sinks/spoolFile.js';

export interface StoreSnapshotOptions extends SnapshotWriteOptions {
  readonly layout: RedisLayout;
  readonly spoolPath: string;
  readonly maxSpoolEntries: number;
  /** The host lock frees itself after this long if its holder dies; replay extends it per entry. */
  readonly lockTtlMs: number;
  /** How long a run waits for another run of the same host before spooling instead. */
  readonly lockWaitMs: number;
}

export type StoreReason = 'unreachable' | 'locked' | 'failed' | 'future';

/** A run that dies keeps the host's lock this long at most. */
const LOCK_TTL_MS = 60_000;

/** The options the config decides (retention, expiry, future skew, spool size); the caller picks the rest. */
export function storeOptionsFrom(
  config: SmsmonConfig,
  choice: { layout: RedisLayout; spoolPath: string; lockWaitMs: number; retentionMs?: number },
): StoreSnapshotOptions {
  return {
    layout: choice.layout,
    retentionMs: choice.retentionMs ?? durationMs(config.redis.retention),
    keyExpiryMs: durationMs(config.redis.keyExpiry),
    maxFutureSkewMs: durationMs(config.redis.maxFutureSkew),
    spoolPath: choice.spoolPath,
    maxSpoolEntries: config.spool.maxEntries,
    lockTtlMs: LOCK_TTL_MS,
    lockWaitMs: choice.lockWaitMs,
  };
}

export type StoreOutcome =
  | {
      readonly stored: true;
      readonly write: SnapshotWriteResult;
      readonly replay: ReplayResult;
      /** The spool could not be replayed (one line); this snapshot was stored all the same. */
      readonly spoolFault?: string;
    }
  | {
      readonly stored: false;
      readonly reason: StoreReason;
      /** One line, no password. */
      readonly message: string;
      /** Null when the spool failed too (spoolFault says why): the caller must print the snapshot. */
      readonly spool: SpoolResult | null;
      readonly spoolFault?: string;
      readonly replay?: ReplayResult;
    };

const NOTHING_REPLAYED: ReplayResult = { replayed: 0, remaining: 0, invalid: 0 };

/**
 * One `metrics snapshot` run: connect, take the host's lock, replay the spool (oldest first),
 * write this snapshot last, release the lock. Whatever keeps the snapshot out of Redis (Redis
 * down, a write failing, or another run holding the lock past lockWaitMs) spools it for the next
 * run instead, so nothing is lost and overlapping cron runs never write or replay at the same time.
 * A snapshot stamped too far ahead of Redis' clock is spooled too ('future'); spooled ones are left
 * in the spool until Redis' clock reaches them. A spool that cannot be read is reported
 * (spoolFault) and this snapshot still written; one that cannot take this snapshot gives spool null.
 * A UsageError (a configuration the snapshot can never be written with) is thrown, not spooled.
 */
export async function storeSnapshot(
  redis: RedisClient,
  snapshot: MetricsSnapshot,
  options: StoreSnapshotOptions,
): Promise<StoreOutcome> {
  let spoolFault: string | undefined;
  const spoolInstead = async (reason: StoreReason, why: unknown, replay?: ReplayResult) => {
    if (why instanceof UsageError) throw why;
    if (why instanceof FutureSnapshotError) reason = 'future';
    let spool: SpoolResult | null = null;
    try {
      spool = await spoolSnapshot(options.spoolPath, snapshot, options.maxSpoolEntries);
    } catch (error) {
      if (!(error instanceof SpoolError)) throw error;
      spoolFault = error.message;
    }
    const message = errorLine(why);
    return { stored: false as const, reason, message, spool, ...faultAndReplay(spoolFault, replay) };
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
    let replay = NOTHING_REPLAYED;
    try {
      replay = await replaySpool(options.spoolPath, async (spooled) => {
        if (!(await held.extend())) throw new Error(`lost ${lockKey} while replaying the spool`);
        return writeSnapshot(redis, spooled, options.layout, options).then(
          () => undefined,
          (error: unknown) => {
            if (error instanceof FutureSnapshotError) return 'later' as const;
            throw error;
          },
        );
      });
    } catch (error) {
      if (!(error instanceof SpoolError)) throw error;
      spoolFault = error.message;
    }
    if (replay.failure) return await spoolInstead('failed', replay.failure, replay);
    const write = await writeSnapshot(redis, snapshot, options.layout, options);
    return { stored: true, write, replay, ...faultAndReplay(spoolFault) };
  } catch (error) {
    return await spoolInstead('failed', error);
  } finally {
    await lock.release().catch(() => false);
  }
}

function faultAndReplay(spoolFault: string | undefined, replay?: ReplayResult) {
  return { ...(spoolFault ? { spoolFault } : {}), ...(replay ? { replay } : {}) };
}

/** Why a snapshot was not stored, for one stderr line ("another run holds the lock", …). */
export function whyNotStored(outcome: Extract<StoreOutcome, { stored: false }>): string {
  if (outcome.reason === 'locked') return 'another run holds the lock';
  if (outcome.reason === 'future') return `refused: ${outcome.message}`;
  return `Redis ${outcome.reason}: ${outcome.message}`;
}
