import { reflowed } from '../shared/helpText.js';
import { Option, type Command } from 'commander';
import { addSourceSelectionOptions } from '../shared/sourceOptions.js';
import { colorOption, noColorOption } from '../shared/colour.js';

const HELP = `
Examples:
  $ smsmon top                                     # this machine, refreshed every 5 s
  $ smsmon top --interval 2s --db postgres://monitor@db/sms
  $ smsmon top --from-redis --fleet                # every host's snapshots, from Redis

Shows CPU and memory sparklines, requests per refresh as bars, cards (active users, tasks of the
last hour, success rate, average and p95 response time, error rate), the error types of the last
hour and the health of each service. q or Ctrl-C quits and restores the terminal; resizing redraws.
It needs a terminal: in scripts use \`smsmon metrics show\` or \`smsmon metrics collect --json\`.
Exit: 0 quit, 2 usage (no terminal, bad option or config), 3 Redis unreachable with --from-redis.`;

export function defineTop(top: Command): Command {
  top
    .description('live full-screen dashboard: system, requests, tasks, errors, health')
    .option('--interval <duration>', 'refresh every', '5s')
    .option('--from-redis', 'read the snapshots `metrics snapshot` stored instead of collecting here')
    .option('--host <name>', 'with --from-redis: this host (default: this machine)')
    .addOption(new Option('--fleet', 'with --from-redis: every host, merged').conflicts('host'))
    .option('--redis <url>', 'Redis URL (default: REDIS_URL, redis.url)')
    .option('--prefix <prefix>', 'Redis key prefix (default: redis.prefix)');
  return addSourceSelectionOptions(top)
    .option('--no-health', 'do not check the health endpoint')
    .option('--health-url <url>', 'health endpoint (default: SMSMON_HEALTH_URL, health.url)')
    .addOption(colorOption('terminal'))
    .addOption(noColorOption())
    .addHelpText('after', reflowed(HELP));
}
