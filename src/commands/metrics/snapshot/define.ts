import type { Command } from 'commander';
import { addRedisOptions } from '../../shared/redisOptions.js';
import { addSourceOptions } from '../../shared/sourceOptions.js';
import { addSnapshotOutputOptions, SOURCES_TEXT } from '../snapshotOptions.js';
import { reflowed } from '../../shared/helpText.js';

const SNAPSHOT_HELP = `
Examples:
  $ smsmon metrics snapshot                        # from cron, every minute
  $ smsmon metrics snapshot --redis redis://cache:6379/2 --quiet
  $ smsmon metrics snapshot --guide-layout         # the guide's metrics:<name> keys, done right

Per metric a sorted set <prefix>:<host>:metric:<name> (score: the time in ms; member
"<time>:<value>", so equal values never overwrite each other), trimmed to the retention in the
same MULTI/EXEC; the latest snapshot as the hash <prefix>:<host>:latest; the processing_time
sketch as <prefix>:<host>:sketch:processing_time, for metrics show --fleet; every key expires after
redis.keyExpiry. When Redis cannot be reached the snapshot waits in the spool file (spool.path)
and the next run that reaches Redis writes it first, in order. Overlapping runs take a lock.
${SOURCES_TEXT}
Exit: 0 stored, 2 usage or bad config, 3 stored but a source failed, 4 Redis unreachable:
spooled for the next run.`;

export function defineMetricsSnapshot(snapshot: Command): Command {
  return addRedisOptions(
    addSnapshotOutputOptions(
      addSourceOptions(snapshot.description('collect one snapshot and store it in Redis')),
    ),
  )
    .option('--retention <duration>', 'samples older than this are trimmed (default: redis.retention, 24h)')
    .option('--spool <path>', 'where a snapshot waits while Redis is down (default: spool.path)')
    .addHelpText('after', reflowed(SNAPSHOT_HELP));
}
