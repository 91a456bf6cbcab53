import type { Notifier } from '../core/alert.js';
import type { SmsmonConfig } from '../core/configSchema.js';

/**
 * The configured notification channels. Placeholder: replaced by the channels branch (Slack and
 * SMTP notifiers); until then no channel is configured and `alerts check --notify` says so.
 */
export function notifiersFrom(_config: SmsmonConfig, _options: { timeoutMs: number }): Notifier[] {
  return [];
}
