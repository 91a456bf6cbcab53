import type { SmsmonConfig } from '../core/configSchema.js';
import type { HealthCheckResult } from '../core/health.js';
import type { MetricSourceName } from '../core/snapshot.js';
import { currentTime } from '../core/timeSpec.js';
import { compileDurationReader, GARBAGE } from '../operators/durationValues.js';
import { errorType } from '../operators/errorGroups.js';
import type { SmsClassifier } from '../operators/smsEventKind.js';
import { SmsEventTally, type SmsEventCounts } from '../operators/smsEventTally.js';
import type { ErrorTypeCount, TopSample } from '../operators/topState.js';
import { visitWindow } from '../scan/readers/logWindow.js';
import { resolveInputs } from '../sources/resolveInputs.js';
import type { LogPlace } from '../sources/logPlace.js';
import { collectSnapshot, WINDOW_MS } from './snapshotCollector.js';

export interface TopCollectOptions {
  config: SmsmonConfig;
  skip: ReadonlySet<MetricSourceName>;
  host?: string;
  place: LogPlace;
  sampleMs: number;
  /** sms.events, compiled once. */
  smsEvents: SmsClassifier;
  probeHealth?: () => Promise<HealthCheckResult>;
}

/** More than any screen has rows for: the screen lists as many as fit. */
const SHOWN_ERROR_TYPES = 200;

/**
 * One refresh of `smsmon top` from this machine: a metrics snapshot, the requests logged since
 * the previous refresh, the error types of the last hour and the health check, all at once.
 */
export async function collectTopSample(
  options: TopCollectOptions,
  previous: number | null,
): Promise<TopSample> {
  const now = currentTime();
  const logs = !options.skip.has('logs');
  const [snapshot, requests, errorTypes, sms, health] = await Promise.all([
    collectSnapshot({ ...options, now }),
    logs && previous !== null ? countRequests(options, previous, now) : Promise.resolve(null),
    logs ? countErrorTypes(options, now) : Promise.resolve([]),
    logs ? countSmsEvents(options, now) : Promise.resolve(null),
    options.probeHealth ? options.probeHealth() : Promise.resolve(null),
  ]);
  return { snapshot, requests, errorTypes, sms, health };
}

/** processing_time values in app.log* written in [since, until). */
async function countRequests(
  options: TopCollectOptions,
  since: number,
  until: number,
): Promise<number | null> {
  const [input] = await resolveInputs(['app'], { dir: options.place.dir, allowMissing: false }).catch(
    () => [],
  );
  if (!input) return null;
  const reader = compileDurationReader({ bareExponent: 0 });
  let count = 0;
  await visitWindow(input, { since, until }, options.place.zone.wallClock, (record) => {
    const value = reader.read(record);
    if (value !== null && value !== GARBAGE) count++;
  });
  return count;
}

/** Error types of errors.log* in the last hour, most frequent first. */
async function countErrorTypes(options: TopCollectOptions, now: number): Promise<ErrorTypeCount[]> {
  const [input] = await resolveInputs(['errors'], { dir: options.place.dir, allowMissing: false }).catch(
    () => [],
  );
  if (!input) return [];
  const counts = new Map<string, number>();
  const window = { since: now - WINDOW_MS, until: now };
  await visitWindow(input, window, options.place.zone.wallClock, (record) => {
    const type = errorType(record, { qualified: false });
    counts.set(type, (counts.get(type) ?? 0) + 1);
  });
  return [...counts]
    .map(([type, count]) => ({ type, count }))
    .sort((a, b) => b.count - a.count || a.type.localeCompare(b.type))
    .slice(0, SHOWN_ERROR_TYPES);
}

/** sms.log* records of the last hour by event, as the exporter classifies them. */
async function countSmsEvents(options: TopCollectOptions, now: number): Promise<SmsEventCounts | null> {
  const [input] = await resolveInputs(['sms'], { dir: options.place.dir, allowMissing: false }).catch(
    () => [],
  );
  if (!input) return null;
  const tally = new SmsEventTally(options.smsEvents);
  await visitWindow(input, { since: now - WINDOW_MS, until: now }, options.place.zone.wallClock, (record) => {
    if (!record.unparsed) tally.push(record.message);
  });
  return tally.result();
}
