import { hostname } from 'node:os';
import { spoolPath, type SmsmonConfig } from '../core/configSchema.js';
import type { HealthCheckResult } from '../core/health.js';
import { healthSnapshot } from './healthSnapshot.js';
import { closeRedis, connectRedis } from '../redis/redisConnection.js';
import { redactRedisUrl } from '../redis/redisUrl.js';
import { storeOptionsFrom, storeSnapshot, whyNotStored } from '../redis/storeSnapshot.js';
import { REDIS_CONNECT_TIMEOUT_MS, redisTargetFrom } from '../redis/redisTarget.js';

/** Short: a health check should not wait long behind `metrics snapshot`; it spools instead. */
const LOCK_WAIT_MS = 2_000;

export interface HealthRecorder {
  /** Stores one result; the line says what happened ("recorded 7 metric(s) in redis://…"). */
  record(result: HealthCheckResult): Promise<{ stored: boolean; line: string }>;
  close(): Promise<void>;
}

/**
 * `--record`: each result as a seriesOnly snapshot (healthSnapshot) through the same
 * lock/spool sink as `metrics snapshot`, so a Redis outage spools it for the next run. One
 * connection for the whole run (a --watch records every check).
 */
export function healthRecorder(
  config: SmsmonConfig,
  options: { redis?: string; prefix?: string },
): HealthRecorder {
  const target = redisTargetFrom(config, options);
  const shownUrl = redactRedisUrl(target.url);
  const spool = spoolPath(config, process.env);
  const redis = connectRedis(target.url, { connectTimeoutMs: REDIS_CONNECT_TIMEOUT_MS });
  const host = hostname();
  return {
    async record(result) {
      const choice = { layout: target.layout, spoolPath: spool, lockWaitMs: LOCK_WAIT_MS };
      const outcome = await storeSnapshot(
        redis,
        healthSnapshot(result, host),
        storeOptionsFrom(config, choice),
      );
      if (outcome.stored)
        return { stored: true, line: `recorded ${outcome.write.metricsWritten} metric(s) in ${shownUrl}` };
      const why = whyNotStored(outcome);
      if (!outcome.spool) return { stored: false, line: `${why}; health result lost: ${outcome.spoolFault}` };
      return { stored: false, line: `${why}; health result spooled to ${spool} for the next run` };
    },
    close: () => closeRedis(redis),
  };
}
