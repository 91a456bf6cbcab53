import type { Notifier } from './alert.js';
import type { SmsmonConfig } from '../core/configSchema.js';
import { CHANNEL_NAMES, type ChannelName } from './channelNames.js';
import { emailNotifier } from './emailNotifier.js';
import { slackNotifier } from './slackNotifier.js';

/** Every alert channel smsmon can send through: adding one is adding a name and an entry to CHANNELS. */

export { CHANNEL_NAMES, isChannelName, type ChannelName } from './channelNames.js';

export interface NotifierOptions {
  /** Per attempt: the whole webhook request; each SMTP step (connect, greeting, silence). */
  readonly timeoutMs: number;
}

interface Channel {
  /** The config keys that turn it on, for "not configured" messages. */
  readonly configKeys: string;
  /** The channel's notifier, or undefined when the config leaves it off. */
  build(config: SmsmonConfig, options: NotifierOptions): Notifier | undefined;
}

const CHANNELS: Readonly<Record<ChannelName, Channel>> = {
  slack: {
    configKeys: 'alerts.slack.webhookUrl or SMSMON_SLACK_WEBHOOK_URL',
    build: ({ alerts }, options) =>
      alerts.slack.webhookUrl === undefined ? undefined : slackNotifier(alerts.slack.webhookUrl, options),
  },
  email: {
    configKeys: 'alerts.email {host, from, to}',
    build: ({ alerts }, options) =>
      alerts.email === undefined ? undefined : emailNotifier(alerts.email, options),
  },
};

/** The notifier of one channel; undefined when the config does not set it up. */
export function notifierFor(
  name: ChannelName,
  config: SmsmonConfig,
  options: NotifierOptions,
): Notifier | undefined {
  return CHANNELS[name].build(config, options);
}

/** What to set to turn a channel on: "alerts.email {host, from, to}". */
export function channelConfigKeys(name: ChannelName): string {
  return CHANNELS[name].configKeys;
}

/** A notifier for every channel the config sets up, in CHANNEL_NAMES order. */
export function notifiersFrom(config: SmsmonConfig, options: NotifierOptions): Notifier[] {
  return CHANNEL_NAMES.flatMap((name) => notifierFor(name, config, options) ?? []);
}
