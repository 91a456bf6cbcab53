import { Cluster, type Redis } from 'ioredis';
import { UsageError } from '../core/errors.js';
import { globLiteral, type RedisLayout } from './redisLayout.js';
import { smsmonSample } from './seriesMember.js';
import type { MetricsSnapshot, SeriesPoint } from '../core/snapshot.js';
import type { RedisClient } from './redisClient.js';
import { latestFromHash } from './latestSnapshot.js';
import { keySummary, readWholeKeys, type KeySummary } from './seriesKeys.js';

export interface SeriesQuery {
  readonly host?: string;
  /** Every host in the hosts index, merged per metric in time order. */
  readonly fleet?: boolean;
  /** Metric names to read; all of a host's metric keys (found by SCAN) when absent. */
  readonly keys?: readonly string[];
  readonly sinceMs: number;
  readonly nowMs: number;
}

export interface SeriesResult {
  readonly hosts: string[];
  readonly series: Record<string, SeriesPoint[]>;
  /** The newest snapshot of each host that has one. */
  readonly latest: Record<string, MetricsSnapshot>;
  /** Members that are neither form and hash fields that are not numbers or JSON. */
  readonly unparsed: number;
  /** The guide layout only (its keys are read whole): what each key that exists held. */
  readonly guideKeys: KeySummary[];
}

interface HostRead {
  series: Record<string, SeriesPoint[]>;
  unparsed: number;
  guideKeys: KeySummary[];
}

/** Reads what snapshotWriter wrote, entries with sinceMs <= timestamp <= nowMs. */
export async function readSeries(
  redis: RedisClient,
  layout: RedisLayout,
  query: SeriesQuery,
): Promise<SeriesResult> {
  const hosts = query.fleet
    ? await redis.zrange(layout.hostsKey(), '0', '-1')
    : layout.perHost
      ? [requiredHost(query)]
      : [query.host ?? ''].filter(Boolean);
  const series: Record<string, SeriesPoint[]> = {};
  const latest: Record<string, MetricsSnapshot> = {};
  let unparsed = 0;
  const guideKeys: KeySummary[] = [];
  // The guide layout has one set of keys for everyone (also data the guide's own script wrote,
  // with no hosts index): read them once.
  for (const host of layout.perHost ? hosts : ['']) {
    const read = await readHostSeries(redis, layout, host, query);
    unparsed += read.unparsed;
    guideKeys.push(...read.guideKeys);
    for (const [metric, points] of Object.entries(read.series)) (series[metric] ??= []).push(...points);
    const hash = await redis.hgetall(layout.latestKey(host));
    const parsed = latestFromHash(hash);
    unparsed += parsed.unparsed;
    if (parsed.snapshot) latest[parsed.snapshot.host] = parsed.snapshot;
  }
  for (const points of Object.values(series)) {
    points.sort((a, b) => a.timestamp - b.timestamp || a.host.localeCompare(b.host));
  }
  return { hosts: [...hosts].sort(), series, latest, unparsed, guideKeys };
}

async function readHostSeries(
  redis: RedisClient,
  layout: RedisLayout,
  host: string,
  query: SeriesQuery,
): Promise<HostRead> {
  const metrics = query.keys ? [...query.keys] : await metricNames(redis, layout, host);
  return layout.perHost
    ? readWindow(redis, layout, host, metrics, query)
    : readGuideKeys(redis, layout, metrics, query);
}

/**
 * Every metric name stored for `hosts` (all of them in the guide layout): their metric keys and the
 * figures of their latest snapshots, to suggest a name for one that has no samples.
 */
export async function storedMetricNames(
  redis: RedisClient,
  layout: RedisLayout,
  hosts: readonly string[],
  latest: Readonly<Record<string, MetricsSnapshot>>,
): Promise<string[]> {
  const names = new Set<string>();
  for (const host of layout.perHost ? hosts : [''])
    for (const name of await metricNames(redis, layout, host)) names.add(name);
  for (const snapshot of Object.values(latest))
    for (const name of Object.keys(snapshot.metrics)) names.add(name);
  return [...names].sort();
}

/** The names of every metric key of `host`, by SCAN. */
export async function metricNames(redis: RedisClient, layout: RedisLayout, host: string): Promise<string[]> {
  const start = layout.metricKeyStart(host);
  return (await scanKeys(redis, `${globLiteral(start)}*`)).map((key) => key.slice(start.length)).sort();
}

/** smsmon's own keys are scored by time: Redis picks the window. */
async function readWindow(
  redis: RedisClient,
  layout: RedisLayout,
  host: string,
  metrics: readonly string[],
  query: SeriesQuery,
): Promise<HostRead> {
  const pipeline = redis.pipeline();
  for (const metric of metrics) {
    pipeline.zrangebyscore(layout.metricKey(host, metric), query.sinceMs, query.nowMs);
  }
  const replies = (await pipeline.exec()) ?? [];
  const series: Record<string, SeriesPoint[]> = {};
  let unparsed = 0;
  replies.forEach(([error, members], i) => {
    if (error) throw error;
    const points: SeriesPoint[] = [];
    for (const member of members as string[]) {
      const point = pointFromMember(member, host);
      if (point) points.push(point);
      else unparsed++;
    }
    if (points.length > 0) series[metrics[i]!] = points;
  });
  return { series, unparsed, guideKeys: [] };
}

/**
 * The guide layout's keys may also hold what the guide's own store_metrics wrote (member = time
 * in seconds, score = value), alone or beside smsmon's samples: each key is read whole.
 */
async function readGuideKeys(
  redis: RedisClient,
  layout: RedisLayout,
  metrics: readonly string[],
  query: SeriesQuery,
): Promise<HostRead> {
  const series: Record<string, SeriesPoint[]> = {};
  const guideKeys: KeySummary[] = [];
  let unparsed = 0;
  for (const contents of await readWholeKeys(redis, layout, '', metrics)) {
    guideKeys.push(keySummary(contents, query.sinceMs, query.nowMs));
    unparsed += contents.unreadable;
    const points = contents.samples
      .filter((s) => s.timestamp >= query.sinceMs && s.timestamp <= query.nowMs)
      .map(({ timestamp, value }) => ({ timestamp, value, host: '' }));
    if (points.length > 0) series[contents.metric] = points;
  }
  return { series, unparsed, guideKeys };
}

/** `1718000000000:42.5` → { timestamp: 1718000000000, value: 42.5, host }; null if it is not that. */
export function pointFromMember(member: string, host: string): SeriesPoint | null {
  const sample = smsmonSample(member);
  return sample && { ...sample, host };
}

/** SCAN (never KEYS) with MATCH; on a cluster, every master is scanned. */
export async function scanKeys(redis: RedisClient, pattern: string): Promise<string[]> {
  const nodes: Redis[] = redis instanceof Cluster ? redis.nodes('master') : [redis];
  const found = new Set<string>();
  for (const node of nodes) {
    let cursor = '0';
    do {
      const [next, keys] = await node.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
      for (const key of keys) found.add(key);
      cursor = next;
    } while (cursor !== '0');
  }
  return [...found];
}

function requiredHost(query: SeriesQuery): string {
  if (query.host === undefined || query.host === '') {
    throw new UsageError('name a host or ask for the fleet', 'e.g. --host web-1 or --fleet');
  }
  return query.host;
}
