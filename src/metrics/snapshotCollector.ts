import { hostname } from 'node:os';
import type { SmsmonConfig } from '../core/configSchema.js';
import { durationMs } from '../core/duration.js';
import { errorLine } from '../core/errors.js';
import type { MetricSourceName, MetricsSnapshot, SourceFailure, SourceMetrics } from '../core/snapshot.js';
import { compileDurationReader } from '../operators/durationValues.js';
import { LogWindowMetrics } from '../operators/logWindowMetrics.js';
import { visitWindow } from '../scan/readers/logWindow.js';
import { resolveInputs } from '../sources/resolveInputs.js';
import type { LogPlace } from '../sources/logPlace.js';
import { zoneWarning } from '../scan/zoneWarning.js';

/** The window of the "last hour" metrics, from the database and from the logs alike. */
export const WINDOW_MS = 3_600_000;

export interface CollectOptions {
  config: SmsmonConfig;
  /** The instant the snapshot is of (SMSMON_NOW pins it in tests). */
  now: number;
  host?: string;
  /** The logs directory and the zone of their timestamps. */
  place: LogPlace;
  /** Sources left out (--no-system, --no-database, --no-logs). */
  skip: ReadonlySet<MetricSourceName>;
  /** CPU and network sample window. */
  sampleMs?: number;
  /** Told the zone warning (zoneWarning.ts) when the hour of logs is empty and the zone looks wrong. */
  warn?: (line: string) => void;
}

type Collector = (options: CollectOptions) => Promise<SourceMetrics>;

/** Every source of a snapshot: adding one is adding an entry. */
const SOURCES: Readonly<Record<MetricSourceName, Collector>> = {
  system: async ({ config, sampleMs }) => {
    const { collectSystemMetrics } = await import('./system/systemMetrics.js');
    return collectSystemMetrics({ mounts: config.system.mounts, sampleMs });
  },
  // The window ends at this machine's clock, as the guide's timezone.now() does, so the database
  // and the logs count the same hour.
  database: async ({ config, now, warn }) => {
    const { collectDatabaseMetrics } = await import('./database/databaseMetrics.js');
    const { url, statementTimeout, timeout, tables, columns } = config.database;
    return collectDatabaseMetrics({
      url: url!,
      statementTimeoutMs: durationMs(statementTimeout, { timer: true }),
      timeoutMs: durationMs(timeout, { timer: true }),
      tables,
      columns,
      now: new Date(now),
      warn,
    });
  },
  logs: collectLogMetrics,
};

/** Why a source is not asked at all; undefined when it is. */
function notConfigured(name: MetricSourceName, config: SmsmonConfig): string | undefined {
  if (name === 'database' && !config.database.url)
    return 'not configured (--db, DATABASE_URL or database.url)';
  return undefined;
}

/**
 * One snapshot: every source at once, each failing on its own — a failure is recorded with
 * its one-line reason (secrets redacted) and the other sources' metrics still come out.
 */
export async function collectSnapshot(options: CollectOptions): Promise<MetricsSnapshot> {
  const metrics: Record<string, number> = {};
  const details: Record<string, unknown> = {};
  const sketches: Record<string, string> = {};
  const failures: SourceFailure[] = [];
  const status: Record<string, string> = {};
  const names = (Object.keys(SOURCES) as MetricSourceName[]).filter((name) => !options.skip.has(name));
  await Promise.all(
    names.map(async (name) => {
      const reason = notConfigured(name, options.config);
      if (reason) return void (status[name] = reason);
      try {
        const result = await SOURCES[name](options);
        Object.assign(metrics, result.metrics);
        Object.assign(details, result.details);
        Object.assign(sketches, result.sketches);
        status[name] = 'ok';
      } catch (error) {
        failures.push({ source: name, message: errorLine(error) });
        status[name] = 'failed';
      }
    }),
  );
  failures.sort((a, b) => a.source.localeCompare(b.source));
  return {
    host: options.host ?? hostname(),
    timestamp: options.now,
    metrics: sortedKeys(metrics),
    details: { ...sortedKeys(details), sources: sortedKeys(status) },
    failures,
    ...(Object.keys(sketches).length > 0 ? { sketches: sortedKeys(sketches) } : {}),
  };
}

/** errors by level, error_rate and processing_time p50/p95 of app.log* over the last hour. */
async function collectLogMetrics({ now, place, warn }: CollectOptions): Promise<SourceMetrics> {
  const [input] = await resolveInputs(['app'], { dir: place.dir, allowMissing: false });
  const window = { since: now - WINDOW_MS, until: now };
  const operator = new LogWindowMetrics(compileDurationReader({ bareExponent: 0 }), window);
  const wallClock = place.zone.wallClock;
  let matched = 0;
  await visitWindow(input!, window, wallClock, (record) => {
    matched++;
    operator.push(record);
  });
  const line = warn && (await zoneWarning({ inputs: [input!], wallClock, ...window, now, matched }));
  if (line) warn(line);
  return operator.result();
}

function sortedKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
