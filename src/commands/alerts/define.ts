import type { Command } from 'commander';
import { registerAlertsCheck } from './check/define.js';
import { registerAlertsTest } from './channelTest/define.js';

export function registerAlerts(program: Command): void {
  const alerts = program
    .command('alerts')
    .description('alert thresholds and notification channels (Slack webhook, SMTP email)')
    .addHelpText(
      'after',
      `\nExamples:\n  $ smsmon alerts check --notify       # thresholds against a fresh collection, Slack/email once per --repeat\n  $ smsmon alerts test                 # a test message through every configured channel\nExit: see each subcommand.`,
    );
  registerAlertsCheck(alerts);
  registerAlertsTest(alerts);
}
