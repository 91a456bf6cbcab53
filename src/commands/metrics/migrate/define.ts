import { Option, type Command } from 'commander';
import { REDIS_LAYOUT_NAMES } from '../../../redis/redisLayout.js';
import { offerValues } from '../../shared/offeredValues.js';
import { colorOption, noColorOption } from '../../shared/colour.js';
import { quietOption } from '../../shared/quiet.js';
import { reflowed } from '../../shared/helpText.js';

const MIGRATE_HELP = `
Examples:
  $ smsmon metrics migrate --dry-run               # what would move, nothing written
  $ smsmon metrics migrate                         # into redis.layout (host: smsmon:{<host>}:metric:<name>)
  $ smsmon metrics migrate --to guide              # in place: metrics:<name>, scored by time
  $ smsmon metrics migrate cpu_usage --host web-1 --json

The guide's store_metrics writes zadd("metrics:<name>", {timestamp: value}): member = the time in
seconds, score = the value. Each sample of that form is rewritten as smsmon writes it (score = the
time in ms, member "<time>:<value>"), in one Lua script per key: a sample a concurrent writer changed
meanwhile is left for a rerun, and a rerun moves nothing twice. Samples older than the retention
before the key's newest are dropped, the destination is trimmed and gets redis.keyExpiry, as a
snapshot would. Members of neither form stay where they are and are named.
Exit: 0 moved or nothing to move, 2 usage or bad config, 3 Redis unreachable.`;

export function defineMetricsMigrate(migrate: Command): Command {
  return migrate
    .description(
      "rewrite the guide's own metrics:<name> keys (member = time, score = value) into smsmon's layout",
    )
    .argument('[metrics...]', 'metric names (default: every key under the prefix)')
    .option(
      '--redis <url>',
      'redis://, rediss://, redis-sentinel:// or redis-cluster:// URL (default: REDIS_URL, redis.url)',
    )
    .option('--prefix <prefix>', "prefix of the guide's keys", 'metrics')
    .addOption(
      offerValues(
        new Option(
          '--to <layout>',
          'host (<prefix>:{<host>}:metric:<name>) or guide (<prefix>:<name>) (default: redis.layout)',
        ),
        { words: REDIS_LAYOUT_NAMES },
      ),
    )
    .option(
      '--to-prefix <prefix>',
      'prefix of the destination (default: host → redis.prefix, guide → --prefix)',
    )
    .option('--host <name>', 'host the samples are filed under with --to host (default: this machine)')
    .option(
      '--retention <duration>',
      'samples older than this before the newest are dropped (default: redis.retention)',
    )
    .option('--dry-run', 'report what would move; write nothing')
    .option('--json', 'the report as one JSON document')
    .addOption(colorOption('none'))
    .addOption(quietOption())
    .addOption(noColorOption())
    .addHelpText('after', reflowed(MIGRATE_HELP));
}
