import type { SmsmonConfig } from '../../core/configSchema.js';
import { UsageError } from '../../core/errors.js';
import { parseDuration } from '../../core/duration.js';
import { currentTime } from '../../core/timeSpec.js';
import type { WallClockToEpoch } from '../../core/timeZone.js';
import { compileDurationReader } from '../../operators/durationValues.js';
import type { LogMetricsOptions } from '../../operators/logMetrics.js';
import { compileSmsEvents } from '../../operators/smsEventKind.js';
import type { CategoryOptions } from '../../operators/smsMetrics.js';
import type { LogDir } from '../../sources/logDir.js';
import type { ExporterCommandOptions } from './options.js';
import type { LogPlace } from '../../sources/logPlace.js';
import { parseWholeNumber } from '../shared/wholeNumber.js';

/** Every exporter option checked and compiled once, before the first line is read. */
export interface ExporterSettings {
  listen: { host: string | undefined; port: number };
  place: LogPlace;
  dir: LogDir;
  wallClock: WallClockToEpoch;
  fromStart: boolean;
  textfile: string | undefined;
  /** All but where complaints go, which the run decides. */
  logMetrics: Omit<LogMetricsOptions, 'onNotice'>;
  intervalMs: number;
  sampleMs: number;
  system: boolean;
  config: SmsmonConfig;
}

export function exporterSettings(
  options: ExporterCommandOptions,
  config: SmsmonConfig,
  place: LogPlace,
): ExporterSettings {
  return {
    listen: parseListen(options.listen),
    place,
    dir: place.dir,
    wallClock: place.zone.wallClock,
    fromStart: options.fromStart === true,
    textfile: options.textfile,
    logMetrics: {
      errorTypes: parseCount('--error-types', options.errorTypes),
      category: categoryOptions(options),
      smsEvents: compileSmsEvents(config.sms.events),
      durationReader: compileDurationReader({ bareExponent: 0 }),
      now: currentTime,
    },
    intervalMs: parseDuration('--interval', options.interval, { timer: true }),
    sampleMs: parseDuration('--sample', options.sample, { timer: true }),
    system: options.system,
    config,
  };
}

const LISTEN = /^(?:\[([0-9a-fA-F:.]+)\]|([^\s:[\]]*)):(\d{1,5})$/;

/** host:port, [v6]:port, or :port for every interface. */
export function parseListen(text: string): { host: string | undefined; port: number } {
  const match = LISTEN.exec(text.trim());
  const port = Number(match?.[3]);
  if (!match || port > 65535)
    throw new UsageError(
      `bad --listen "${text}"; expected host:port such as 127.0.0.1:9464, [::1]:9464 or :9464`,
    );
  const host = match[1] ?? match[2];
  return { host: host === '' ? undefined : host, port };
}

function categoryOptions(options: ExporterCommandOptions): CategoryOptions | null {
  const limit = parseCount('--categories', options.categories);
  const source = options.categoryPattern;
  if (source === undefined) return null;
  let pattern: RegExp;
  try {
    pattern = new RegExp(source);
  } catch (error) {
    const reason = (error as Error).message.replace(/^Invalid regular expression: /, '');
    throw new UsageError(`bad --category-pattern regex "${source}": ${reason}`);
  }
  // An alternative that matches '' lists every named group of the pattern, matched or not.
  if (!Object.hasOwn(new RegExp(`(?:${source})|`).exec('')?.groups ?? {}, 'category'))
    throw new UsageError(
      `bad --category-pattern "${source}": no (?<category>…) group; e.g. 'category=(?<category>\\w+)'`,
    );
  return { pattern, limit };
}

function parseCount(option: string, text: string): number {
  return parseWholeNumber(option, text, 'a whole number such as 20');
}
