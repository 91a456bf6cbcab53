import { Option, type Command } from 'commander';
import { offerValues } from '../../shared/offeredValues.js';
import { CHANNEL_NAMES } from '../../../alerts/channelNames.js';
import { colorOption, noColorOption } from '../../shared/colour.js';
import { quietOption } from '../../shared/quiet.js';
import { reflowed } from '../../shared/helpText.js';

const HELP = `
Examples:
  $ smsmon alerts test                             # every channel the config sets up
  $ smsmon alerts test --channel slack
  $ SMSMON_SMTP_PASSWORD=… smsmon alerts test --channel email --json

Sends a test message ("🧪 SMS-to-AI Agent Alert test", this host, the time) through each configured
channel at once: slack (alerts.slack.webhookUrl or SMSMON_SLACK_WEBHOOK_URL; the guide's payload,
username "SMS-AI Monitor", icon :warning:) and email (alerts.email; STARTTLS unless secure, and no
login without TLS; password in SMSMON_SMTP_PASSWORD). One line per channel: "slack: sent",
"email: failed: <reason>"; with --json [{"channel", "ok", "error"?}].
Exit: 0 every channel sent, 1 a channel failed, 2 usage or bad config, or the channel asked for
(or every channel) is not configured.`;

/** `smsmon alerts test`: a test message through each channel. */
export function defineAlertsTest(test: Command): Command {
  return test
    .description('send a test alert through each configured channel (Slack, email) and report each')
    .addOption(
      offerValues(new Option('--channel <name>', `only this channel: ${CHANNEL_NAMES.join(' or ')}`), {
        words: CHANNEL_NAMES,
      }),
    )
    .option('--timeout <duration>', 'per channel: the webhook request, each SMTP step', '10s')
    .option('--json', 'one JSON array: [{channel, ok, error?}]')
    .addOption(colorOption('none'))
    .addOption(quietOption())
    .addOption(noColorOption())
    .addHelpText('after', reflowed(HELP));
}
