import type { Command } from 'commander';
import { reflowed } from '../shared/helpText.js';

export function defineAlerts(alerts: Command): Command {
  return alerts
    .description('alert thresholds and notification channels (Slack webhook, SMTP email)')
    .addHelpText(
      'after',
      reflowed(
        `\nExamples:\n  $ smsmon alerts check --notify       # thresholds against a fresh collection, Slack/email once per --repeat\n  $ smsmon alerts test                 # a test message through every configured channel\nExit: see each subcommand.`,
      ),
    );
}
