import type { SmsmonConfig } from '../core/configSchema.js';
import type { HealthProbe } from '../core/healthProbe.js';

/**
 * The health check the exporter runs on each refresh, or none. None yet: `smsmon health`
 * (checkHealth in src/sources/healthEndpoint.ts) lands in another branch; once merged, adapt its
 * result here (services → {name, up, responseSeconds}, state ok → up) and the smsmon_health_*
 * gauges appear. Until then they are not exported at all.
 */
export function healthProbeFor(_config: SmsmonConfig): HealthProbe | undefined {
  return undefined;
}
