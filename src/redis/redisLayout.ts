import { UsageError, unknownChoice } from '../core/errors.js';

/**
 * Where a metrics snapshot lives in Redis. The writer (snapshotWriter) and the reader
 * (seriesReader) both take one of these, so the key names exist in one place.
 *
 * Every metric key is a sorted set scored by the snapshot's timestamp in milliseconds with the
 * member `${timestamp}:${value}`; the latest hash holds the newest snapshot's metrics plus
 * `timestamp`, `host`, `details` and `failures`.
 */
export interface RedisLayout {
  readonly name: RedisLayoutName;
  readonly prefix: string;
  /** False for the guide layout: every host writes the same keys. */
  readonly perHost: boolean;
  metricKey(host: string, metric: string): string;
  /** Every metric key of `host` is this plus the metric name (for SCAN MATCH and for parsing). */
  metricKeyStart(host: string): string;
  latestKey(host: string): string;
  /**
   * Sorted set of the sketch texts behind `<name>_pNN`, scored and trimmed as the metric keys; null
   * in the guide layout, whose keys name no host: one shared series has no hosts to merge.
   */
  sketchKey(host: string, name: string): string | null;
  /** Sorted set of host → timestamp of its newest snapshot, for fleet discovery. */
  hostsKey(): string;
  lockKey(host: string): string;
  /** Hash of alert key → what `alerts check --notify` last sent (core of the dedup and cooldown). */
  alertsKey(host: string): string;
  /** Held while one `alerts check --notify` run decides and sends, apart from the snapshot's lock. */
  alertsLockKey(host: string): string;
}

export type RedisLayoutName = 'host' | 'guide';

/**
 * The host's name is a Redis Cluster hash tag (`{web-1}`): all of one host's keys share a slot,
 * so a snapshot can be written in one MULTI/EXEC on a cluster too. Only `hosts` lies elsewhere.
 *   smsmon:{web-1}:metric:cpu_percent   sorted set
 *   smsmon:{web-1}:latest               hash
 *   smsmon:{web-1}:sketch:processing_time sorted set, member `<time>:<sketch text>`
 *   smsmon:{web-1}:lock                 string, held while a run writes
 *   smsmon:{web-1}:alerts               hash, alert key → notification state (JSON)
 *   smsmon:{web-1}:alerts:lock          string, held while an alerts run notifies
 *   smsmon:hosts                        sorted set
 */
function hostLayout(prefix: string): RedisLayout {
  const hostKey = (host: string) => `${prefix}:{${checkedHost(host)}}`;
  return {
    name: 'host',
    prefix,
    perHost: true,
    metricKey: (host, metric) => `${hostKey(host)}:metric:${metric}`,
    metricKeyStart: (host) => `${hostKey(host)}:metric:`,
    latestKey: (host) => `${hostKey(host)}:latest`,
    sketchKey: (host, name) => `${hostKey(host)}:sketch:${name}`,
    hostsKey: () => `${prefix}:hosts`,
    lockKey: (host) => `${hostKey(host)}:lock`,
    alertsKey: (host) => `${hostKey(host)}:alerts`,
    alertsLockKey: (host) => `${hostKey(host)}:alerts:lock`,
  };
}

/**
 * MONITORING_GUIDE.md's `metrics:{key}` names, for dashboards that already read them. The guide's
 * names have no host, so the snapshots of a fleet collide in one series per metric; use it for a
 * single host. The other keys use `-` so that `metrics:*` matches metric keys only.
 */
function guideLayout(prefix: string): RedisLayout {
  return {
    name: 'guide',
    prefix,
    perHost: false,
    metricKey: (_host, metric) => `${prefix}:${metric}`,
    metricKeyStart: () => `${prefix}:`,
    latestKey: () => `${prefix}-latest`,
    sketchKey: () => null,
    hostsKey: () => `${prefix}-hosts`,
    lockKey: (host) => `${prefix}-lock:${checkedHost(host)}`,
    alertsKey: (host) => `${prefix}-alerts:${checkedHost(host)}`,
    alertsLockKey: (host) => `${prefix}-alerts-lock:${checkedHost(host)}`,
  };
}

const LAYOUTS: Readonly<Record<RedisLayoutName, { build: (prefix: string) => RedisLayout; prefix: string }>> =
  {
    host: { build: hostLayout, prefix: 'smsmon' },
    guide: { build: guideLayout, prefix: 'metrics' },
  };

export const REDIS_LAYOUT_NAMES = Object.keys(LAYOUTS) as RedisLayoutName[];

/** `redisLayout('host')` → smsmon:{host}:…; `redisLayout('guide')` → metrics:…; prefix overrides. */
export function redisLayout(name: string = 'host', prefix?: string): RedisLayout {
  const entry = LAYOUTS[name as RedisLayoutName];
  if (!entry) throw unknownChoice('Redis layout', name, REDIS_LAYOUT_NAMES);
  if (prefix === '') throw new UsageError('the Redis key prefix must not be empty');
  return entry.build(prefix ?? entry.prefix);
}

function checkedHost(host: string): string {
  if (host === '') throw new UsageError('the host name for Redis keys must not be empty');
  return host;
}

/** Escapes SCAN MATCH's glob characters so a host or prefix is matched literally. */
export function globLiteral(text: string): string {
  return text.replace(/[*?[\]\\]/g, '\\$&');
}
