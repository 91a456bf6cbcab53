import { Cluster, type ChainableCommander } from 'ioredis';
import { durationMs } from '../core/duration.js';
import { DEFAULT_MAX_FUTURE_SKEW } from '../core/configSchema.js';
import { UsageError } from '../core/errors.js';
import type { RedisLayout } from './redisLayout.js';
import type { MetricsSnapshot } from '../core/snapshot.js';
import type { RedisClient } from './redisClient.js';
import { smsmonMember } from './seriesMember.js';
import { aheadBeyondSkew, redisTimeMs } from './redisClock.js';
import { humanDuration } from '../sinks/humanDuration.js';
import { queueOwnTrim } from './trimOwnMembers.js';

export interface SnapshotWriteOptions {
  /** Series keep the entries no older than this before the snapshot being written. */
  readonly retentionMs: number;
  /** Every key written gets this TTL, so the keys of a host that stops reporting go away. */
  readonly keyExpiryMs: number;
  /** A snapshot stamped further ahead of Redis' clock is refused (redis.maxFutureSkew, default 5m). */
  readonly maxFutureSkewMs?: number;
}

/** A snapshot stamped too far ahead of Redis' clock: written, it would trim real history and pin latest. */
export class FutureSnapshotError extends Error {
  constructor(timestamp: number, redisNowMs: number, maxSkewMs: number) {
    super(
      `snapshot stamped ${new Date(timestamp).toISOString()} is ${humanDuration((timestamp - redisNowMs) / 1000)} ` +
        `ahead of Redis' clock (${new Date(redisNowMs).toISOString()}; redis.maxFutureSkew ${humanDuration(maxSkewMs / 1000)}): ` +
        "check this machine's clock",
    );
    this.name = 'FutureSnapshotError';
  }
}

export interface SnapshotWriteResult {
  /** Series entries sent; rewriting a snapshot sends them again, but ZADD of a member is a no-op. */
  readonly metricsWritten: number;
  /** False when the latest hash already held a newer snapshot (an older one was replayed) or seriesOnly. */
  readonly latestUpdated: boolean;
  /** "name (reason)" for every metric not written, never dropped silently. */
  readonly skipped: readonly string[];
}

/** Fields of the latest hash that are not metrics. */
export const LATEST_RESERVED_FIELDS = ['timestamp', 'host', 'details', 'failures'] as const;

/**
 * Replaces the latest hash only if it holds no newer snapshot, and never with one stamped more than
 * the skew ahead of Redis' TIME (-1); a held snapshot that far ahead (written before this guard) counts
 * as no snapshot, so the hash is not pinned to it. The hash is cleared first so that metrics missing
 * from this snapshot (a source failed) do not linger beside its timestamp.
 * KEYS[1] hash; ARGV[1] timestamp, ARGV[2] expiry ms, ARGV[3] max skew ms, ARGV[4..] field, value, …
 */
const REPLACE_LATEST_IF_NEWER = `
if redis.replicate_commands then redis.replicate_commands() end
local time = redis.call('TIME')
local limit = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000) + tonumber(ARGV[3])
local timestamp = tonumber(ARGV[1])
if timestamp > limit then return -1 end
local current = tonumber(redis.call('HGET', KEYS[1], 'timestamp'))
if current and current > timestamp and current <= limit then return 0 end
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], unpack(ARGV, 4))
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1`;

/**
 * Writes one snapshot in one MULTI/EXEC. Per metric: ZADD score = timestamp (ms), member =
 * `${timestamp}:${value}` (String(value) round-trips through Number), so equal values at different
 * times never collide and writing the same snapshot again changes nothing.
 *
 * Trim: `ZREMRANGEBYSCORE key -inf (timestamp - retentionMs` removes entries strictly older than
 * the retention window before THIS snapshot; an entry exactly retentionMs older is kept. The
 * reference is the snapshot's own timestamp, not the wall clock: a replayed old snapshot can only
 * trim entries older than itself, never newer data, and the result does not depend on when or in
 * which run a snapshot was written. The run's live snapshot is written last, so anything a replay
 * left beyond the window is trimmed then. Redis' clock (TIME) bounds it: a snapshot stamped more than
 * maxFutureSkewMs ahead is refused (FutureSnapshotError) before anything is written, and one within
 * the skew trims from Redis' now, so no trim ever counts from a time that has not come yet.
 * The guide layout trims only its own `<time>:<value>` members (trimOwnMembers): the guide's own
 * samples there are scored by value.
 *
 * On a cluster the hosts index (another slot) is updated by a second transaction right after.
 */
export async function writeSnapshot(
  redis: RedisClient,
  snapshot: MetricsSnapshot,
  layout: RedisLayout,
  opts: SnapshotWriteOptions,
): Promise<SnapshotWriteResult> {
  checkOptions(snapshot, opts);
  const maxSkewMs = opts.maxFutureSkewMs ?? durationMs(DEFAULT_MAX_FUTURE_SKEW);
  const redisNowMs = await redisTimeMs(redis);
  if (aheadBeyondSkew(snapshot.timestamp, redisNowMs, maxSkewMs) !== null)
    throw new FutureSnapshotError(snapshot.timestamp, redisNowMs, maxSkewMs);
  const trimFrom = Math.min(snapshot.timestamp, redisNowMs);
  const isCluster = redis instanceof Cluster;
  if (isCluster && !layout.perHost) {
    throw new UsageError(
      'the guide layout keeps each metric in its own key, which a Redis Cluster cannot write in one transaction',
      'use the host layout on a cluster',
    );
  }
  const { host, timestamp } = snapshot;
  const skipped: string[] = [];
  const latestFields: string[] = [];
  const tx = redis.multi();
  let metricsWritten = 0;
  for (const [metric, value] of Object.entries(snapshot.metrics)) {
    if (metric === '' || !Number.isFinite(value)) {
      skipped.push(`${metric || '(empty name)'} (${metric === '' ? 'no name' : `value ${value}`})`);
      continue;
    }
    const key = layout.metricKey(host, metric);
    tx.zadd(key, timestamp, smsmonMember(timestamp, value));
    // The guide layout's keys may hold the guide's own samples, scored by value: never trim those.
    if (layout.perHost) tx.zremrangebyscore(key, '-inf', `(${trimFrom - opts.retentionMs}`);
    else queueOwnTrim(tx, key, trimFrom - opts.retentionMs);
    tx.pexpire(key, opts.keyExpiryMs);
    metricsWritten++;
    if (snapshot.seriesOnly) continue;
    if ((LATEST_RESERVED_FIELDS as readonly string[]).includes(metric)) {
      skipped.push(`${metric} (series only: the latest hash uses the field for the snapshot)`);
    } else {
      latestFields.push(metric, String(value));
    }
  }
  // A seriesOnly snapshot (health --record) leaves the latest hash to the metrics snapshot.
  let latestAt: number | undefined;
  if (!snapshot.seriesOnly) {
    latestFields.push(
      'timestamp',
      String(timestamp),
      'host',
      host,
      'details',
      jsonOrEmpty(snapshot.details, '{}', skipped),
      'failures',
      jsonOrEmpty(snapshot.failures, '[]', skipped),
    );
    latestAt = 3 * metricsWritten; // index among EXEC's replies
    const latestKey = layout.latestKey(host);
    tx.eval(REPLACE_LATEST_IF_NEWER, 1, latestKey, timestamp, opts.keyExpiryMs, maxSkewMs, ...latestFields);
  }
  queueSketches(tx, layout, snapshot, opts.retentionMs, trimFrom, opts.keyExpiryMs);
  if (!isCluster) queueHostsIndex(tx, layout, snapshot, opts, trimFrom);
  const replies = checkedReplies(await tx.exec());
  if (isCluster)
    checkedReplies(await queueHostsIndex(redis.multi(), layout, snapshot, opts, trimFrom).exec());
  return { metricsWritten, latestUpdated: latestAt !== undefined && replies[latestAt] === 1, skipped };
}

/**
 * Each sketch beside the figures it backs, as the metric keys are written: member
 * `<time>:<sketch text>` scored by the time, trimmed to the retention, expiring with the host.
 */
function queueSketches(
  tx: ChainableCommander,
  layout: RedisLayout,
  { host, timestamp, sketches = {} }: MetricsSnapshot,
  retentionMs: number,
  trimFrom: number,
  keyExpiryMs: number,
): void {
  for (const [name, text] of Object.entries(sketches)) {
    const key = layout.sketchKey(host, name);
    if (key === null || name === '') continue;
    tx.zadd(key, timestamp, `${timestamp}:${text}`)
      .zremrangebyscore(key, '-inf', `(${trimFrom - retentionMs}`)
      .pexpire(key, keyExpiryMs);
  }
}

/** GT: a replayed older snapshot does not move a host back in time. Expiry counts from `trimFrom`. */
export function queueHostsIndex(
  tx: ChainableCommander,
  layout: RedisLayout,
  { host, timestamp }: Pick<MetricsSnapshot, 'host' | 'timestamp'>,
  opts: Pick<SnapshotWriteOptions, 'keyExpiryMs'>,
  trimFrom = timestamp,
): ChainableCommander {
  return tx
    .zadd(layout.hostsKey(), 'GT', timestamp, host)
    .zremrangebyscore(layout.hostsKey(), '-inf', `(${trimFrom - opts.keyExpiryMs}`)
    .pexpire(layout.hostsKey(), opts.keyExpiryMs);
}

function checkOptions(snapshot: MetricsSnapshot, opts: SnapshotWriteOptions): void {
  if (!Number.isFinite(snapshot.timestamp) || snapshot.timestamp < 0) {
    throw new Error(`snapshot timestamp ${snapshot.timestamp} is not a time`);
  }
  if (snapshot.host === '') throw new Error('snapshot has no host');
  for (const [name, value] of Object.entries({
    retentionMs: opts.retentionMs,
    keyExpiryMs: opts.keyExpiryMs,
  })) {
    if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer`);
  }
}

function jsonOrEmpty(value: unknown, empty: string, skipped: string[]): string {
  try {
    return JSON.stringify(value) ?? empty;
  } catch (error) {
    skipped.push(`${empty === '{}' ? 'details' : 'failures'} (not JSON: ${(error as Error).message})`);
    return empty;
  }
}

/** EXEC's replies with the first command error thrown; null means the transaction was discarded. */
function checkedReplies(results: [Error | null, unknown][] | null): unknown[] {
  if (!results) throw new Error('Redis discarded the MULTI transaction');
  const failed = results.find(([error]) => error);
  if (failed?.[0]) throw failed[0];
  return results.map(([, reply]) => reply);
}
