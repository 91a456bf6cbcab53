import type { SmsmonConfig } from '../core/configSchema.js';
import { isHealthyStatus } from '../health/healthyStatus.js';
import type { GaugeHealthProbe } from '../health/healthGauges.js';
import { healthProbe } from '../health/healthProbe.js';

/**
 * The health check the exporter runs on each refresh: `smsmon health`'s check of health.url,
 * cut down to what the gauges need (the app up when the check is OK or only WARNING).
 */
export function healthProbeFor(config: SmsmonConfig): GaugeHealthProbe | undefined {
  let check: Awaited<ReturnType<typeof healthProbe>> | undefined;
  return async () => {
    check ??= await healthProbe(config);
    const result = await check();
    return {
      up: result.state === 'ok' || result.state === 'warning',
      services: result.services.map((service) => ({
        name: service.name,
        up: isHealthyStatus(service.status),
        responseSeconds: service.responseTime,
      })),
    };
  };
}
