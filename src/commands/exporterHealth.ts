import type { SmsmonConfig } from '../core/configSchema.js';
import type { HealthProbe } from '../core/healthProbe.js';
import { healthProbe } from './healthProbe.js';

/** Statuses that count as up, as `smsmon health` reads them. */
const UP = new Set(['healthy', 'ok', 'up']);

/**
 * The health check the exporter runs on each refresh: `smsmon health`'s check of health.url,
 * cut down to what the gauges need (the app up when the check is OK or only WARNING).
 */
export function healthProbeFor(config: SmsmonConfig): HealthProbe | undefined {
  let check: Awaited<ReturnType<typeof healthProbe>> | undefined;
  return async () => {
    check ??= await healthProbe(config);
    const result = await check();
    return {
      up: result.state === 'ok' || result.state === 'warning',
      services: result.services.map((service) => ({
        name: service.name,
        up: UP.has(service.status.toLowerCase()),
        responseSeconds: service.responseTime,
      })),
    };
  };
}
