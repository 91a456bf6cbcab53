import type { SmsmonConfig } from '../core/configSchema.js';
import { durationMs } from '../core/duration.js';
import type { HealthCheckResult } from '../core/health.js';

/** One `smsmon health` check of the configured endpoint, for the commands that include it (top, doctor, alerts check). */
export async function healthProbe(
  config: SmsmonConfig,
  timeoutMs = durationMs(config.health.timeout, { timer: true }),
): Promise<() => Promise<HealthCheckResult>> {
  const { checkHealth } = await import('./healthCheck.js');
  return () => checkHealth({ url: config.health.url, timeoutMs, retries: 0, warnMs: config.health.warnMs });
}
