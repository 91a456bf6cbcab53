import type { Command } from 'commander';

/** --redis, --prefix, --guide-layout (metrics snapshot and show, alerts check). */
export function addRedisOptions(command: Command): Command {
  return command
    .option(
      '--redis <url>',
      'redis://, rediss://, redis-sentinel:// or redis-cluster:// URL (default: REDIS_URL, redis.url)',
    )
    .option('--prefix <prefix>', 'key prefix (default: redis.prefix, "smsmon")')
    .option(
      '--guide-layout',
      "the guide's metrics:<name> keys (no host in the key) instead of <prefix>:<host>:metric:<name>",
    );
}
