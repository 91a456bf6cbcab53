import type { Command } from 'commander';
import { reflowed } from '../shared/helpText.js';

export function defineMetrics(metrics: Command): Command {
  return metrics
    .description('collect system, PostgreSQL and log metrics, snapshot them into Redis, read them back')
    .addHelpText(
      'after',
      reflowed(
        `\nExamples:\n  $ smsmon metrics collect\n  $ smsmon metrics snapshot --quiet\n  $ smsmon metrics show --since 6h\n  $ smsmon metrics migrate --dry-run\nExit: see each subcommand.`,
      ),
    );
}
