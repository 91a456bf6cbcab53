import type { RedisClient } from './redisClient.js';
import type { RedisLayout } from './redisLayout.js';
import type { MetricsSnapshot, SourceFailure } from '../core/snapshot.js';

const RESERVED = new Set(['timestamp', 'host', 'details', 'failures']);

/**
 * The latest hash (metric fields plus timestamp, host, details JSON, failures JSON) back as a
 * snapshot; null for an empty or timestamp-less hash. Fields that do not parse are counted.
 */
export function latestFromHash(hash: Record<string, string>): {
  snapshot: MetricsSnapshot | null;
  unparsed: number;
} {
  const timestamp = Number(hash.timestamp);
  if (hash.timestamp === undefined || !Number.isFinite(timestamp)) {
    return { snapshot: null, unparsed: Object.keys(hash).length > 0 ? 1 : 0 };
  }
  let unparsed = 0;
  const metrics: Record<string, number> = {};
  for (const [field, text] of Object.entries(hash)) {
    if (RESERVED.has(field)) continue;
    const value = Number(text);
    if (text.trim() !== '' && Number.isFinite(value)) metrics[field] = value;
    else unparsed++;
  }
  const details = parseJson(hash.details);
  const failures = parseJson(hash.failures);
  const detailsOk = typeof details === 'object' && details !== null && !Array.isArray(details);
  const failuresOk = Array.isArray(failures);
  unparsed += (detailsOk ? 0 : 1) + (failuresOk ? 0 : 1);
  return {
    snapshot: {
      host: hash.host ?? '',
      timestamp,
      metrics,
      details: detailsOk ? (details as Record<string, unknown>) : {},
      failures: failuresOk ? (failures as SourceFailure[]) : [],
    },
    unparsed,
  };
}

function parseJson(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The newest snapshot stored for `host` (the latest hash of the layout), null when there is none. */
export async function readLatestSnapshot(
  redis: RedisClient,
  layout: RedisLayout,
  host: string,
): Promise<{ snapshot: MetricsSnapshot | null; unparsed: number }> {
  return latestFromHash(await redis.hgetall(layout.latestKey(host)));
}
