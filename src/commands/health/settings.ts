import { durationMs, parseDuration } from '../../core/duration.js';
import type { SmsmonConfig } from '../../core/configSchema.js';
import { UsageError } from '../../core/errors.js';
import { redactHealthUrl, type HealthCheckOptions } from '../../health/healthCheck.js';
import { parseWholeNumber } from '../shared/wholeNumber.js';
import type { HealthCommandOptions } from './options.js';

/** Everything a run needs, checked once before the first request. */
export interface HealthSettings {
  readonly check: Omit<HealthCheckOptions, 'signal'>;
  /** --watch: milliseconds between the starts of two checks. */
  readonly watchMs: number | undefined;
}

export const MAX_RETRIES = 10;

/** [URL] over health.url (SMSMON_HEALTH_URL); --timeout over health.timeout; -w (or --warn-ms) over health.warnMs. */
export function healthSettingsFrom(
  config: SmsmonConfig,
  urlArgument: string | undefined,
  options: HealthCommandOptions,
): HealthSettings {
  const url = urlArgument ?? config.health.url;
  if (!URL.canParse(url) || !['http:', 'https:'].includes(new URL(url).protocol)) {
    throw new UsageError(
      `bad URL ${JSON.stringify(redactHealthUrl(url))}; expected an http:// or https:// URL`,
    );
  }
  const timeoutMs =
    options.timeout === undefined
      ? durationMs(config.health.timeout, { timer: true })
      : parseDuration('--timeout', options.timeout, { timer: true });
  return {
    check: {
      url,
      timeoutMs,
      retries: wholeNumber('--retries', options.retries ?? '0', 0, MAX_RETRIES),
      warnMs:
        options.warning !== undefined
          ? parseDuration('--warning', options.warning)
          : options.warnMs !== undefined
            ? wholeNumber('--warn-ms', options.warnMs, 1, Number.MAX_SAFE_INTEGER)
            : config.health.warnMs,
      criticalMs: options.critical === undefined ? undefined : parseDuration('--critical', options.critical),
    },
    watchMs:
      options.watch === undefined ? undefined : parseDuration('--watch', options.watch, { timer: true }),
  };
}

function wholeNumber(option: string, text: string, min: number, max: number): number {
  const range = max === Number.MAX_SAFE_INTEGER ? `at least ${min}` : `${min} to ${max}`;
  return parseWholeNumber(option, text, `a whole number, ${range}`, min, max);
}
