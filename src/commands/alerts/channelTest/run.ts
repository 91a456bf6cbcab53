import { hostname } from 'node:os';
import type { Command } from 'commander';
import type { AlertMessage } from '../../../alerts/alert.js';
import { configFor } from '../../../core/config.js';
import { ExitCode, unknownChoice } from '../../../core/errors.js';
import { parseDuration } from '../../../core/duration.js';
import { currentTime } from '../../../core/timeSpec.js';
import { deliverAll, type Delivery } from '../../../alerts/delivery.js';
import { deliveriesJson, deliveriesText } from '../../../alerts/deliveryReport.js';
import {
  CHANNEL_NAMES,
  channelConfigKeys,
  isChannelName,
  notifierFor,
  type ChannelName,
} from '../../../alerts/notifiers.js';
import { Output } from '../../../sinks/output.js';
import type { AlertsTestOptions } from './options.js';
import { resultStream } from '../../shared/quiet.js';
import { whileWaiting } from '../../../sinks/spinner.js';
import { waitSpinnerWanted } from '../../../sinks/liveStatus.js';

/** Exit 1 means "findings" across smsmon; here: a channel did not take the message. */
const CHANNEL_FAILED = ExitCode.NoMatch;

export async function runAlertsTest(options: AlertsTestOptions, command: Command): Promise<number> {
  const asked = options.channel === undefined ? undefined : channelNamed(options.channel);
  const timeoutMs = parseDuration('--timeout', options.timeout, { timer: true });
  const { config } = await configFor(command);
  const channels = (asked ? [asked] : CHANNEL_NAMES).map((name) => ({
    name,
    notifier: notifierFor(name, config, { timeoutMs }),
  }));
  const configured = channels.flatMap(({ notifier }) => notifier ?? []);
  // Without --channel the configured ones are tried; with none configured, each says what to set.
  const missing = asked || configured.length === 0 ? channels.filter((c) => !c.notifier) : [];
  const message: AlertMessage = { kind: 'test', host: hostname(), time: currentTime(), alerts: [] };
  const sent = await whileWaiting(
    `sending a test to ${configured.map((n) => n.name).join(', ')}`,
    waitSpinnerWanted(options),
    deliverAll(configured, message),
  );
  const deliveries = [...sent, ...missing.map(({ name }) => notConfigured(name))];
  const output = new Output(resultStream(options));
  output.write(options.json ? deliveriesJson(deliveries) : deliveriesText(deliveries));
  await output.flush();
  if (missing.length > 0) return ExitCode.Usage;
  return sent.every((d) => d.status === 'sent') ? ExitCode.Ok : CHANNEL_FAILED;
}

function channelNamed(name: string): ChannelName {
  if (isChannelName(name)) return name;
  throw unknownChoice('channel', name, CHANNEL_NAMES);
}

function notConfigured(channel: ChannelName): Delivery {
  return { channel, status: 'not configured', reason: `set ${channelConfigKeys(channel)}` };
}
