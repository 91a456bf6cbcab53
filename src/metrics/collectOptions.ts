import type { SmsmonConfig } from '../core/configSchema.js';
import type { MetricSourceName } from '../core/snapshot.js';
import { parseDuration } from '../core/duration.js';
import { currentTime } from '../core/timeSpec.js';
import type { LogPlace } from '../sources/logPlace.js';
import type { CollectOptions } from './snapshotCollector.js';
import { escapeControlsToOneLine } from '../sinks/safeText.js';

/** Which metric sources to ask and where they are (--db, --dir, --tz, --no-system, …). */
export interface SourceSelection {
  db?: string;
  dir?: string;
  tz?: string;
  system: boolean;
  database: boolean;
  logs: boolean;
}

/** What a fresh collection is asked for: the sources, the sample window, the host it is filed under. */
export interface CollectSelection extends SourceSelection {
  sample: string;
  host?: string;
}

/** The collect/snapshot flags laid over the config: flags win, then environment, then the file. */
export function collectOptionsFrom(
  config: SmsmonConfig,
  options: CollectSelection,
  place: LogPlace,
): CollectOptions {
  return {
    config: selectedConfig(config, options),
    now: currentTime(),
    host: options.host,
    place,
    // The line may quote the URL's own text.
    warn: (line) => process.stderr.write(escapeControlsToOneLine(line) + '\n'),
    skip: skippedSources(options),
    sampleMs: parseDuration('--sample', options.sample, { timer: true }),
  };
}

/** --no-system, --no-database, --no-logs. */
export function skippedSources(options: SourceSelection): Set<MetricSourceName> {
  const skip = new Set<MetricSourceName>();
  if (!options.system) skip.add('system');
  if (!options.database) skip.add('database');
  if (!options.logs) skip.add('logs');
  return skip;
}

/** --db over database.url (--dir and --tz: logPlace.ts). */
export function selectedConfig(config: SmsmonConfig, options: SourceSelection): SmsmonConfig {
  return {
    ...config,
    database: { ...config.database, url: options.db ?? config.database.url },
  };
}
