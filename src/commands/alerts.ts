import type { Command } from 'commander';
import { registerAlertsTest } from './alertsTest.js';

export function registerAlerts(program: Command): void {
  const alerts = program
    .command('alerts')
    .description('alert thresholds and notification channels (Slack webhook, SMTP email)')
    .addHelpText(
      'after',
      `\nExamples:\n  $ smsmon alerts test                 # a test message through every configured channel\nExit: see each subcommand.`,
    );
  registerAlertsTest(alerts);
}
