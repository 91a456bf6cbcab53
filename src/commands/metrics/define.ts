import { Option, type Command } from 'commander';
import { TZ_HELP } from '../../core/logZone.js';
import { LOG_DIR_HELP } from '../../sources/logDir.js';
import { registerMetricsMigrate } from './migrate/define.js';
import { colorOption } from '../shared/colour.js';

/** Which metric sources to ask and where they are: metrics collect/snapshot, alerts check, top. */
export interface SourceSelection {
  db?: string;
  dir?: string;
  tz?: string;
  system: boolean;
  database: boolean;
  logs: boolean;
}

/** Options shared by collect and snapshot: where the figures come from. */
export interface CollectCommandOptions extends SourceSelection {
  color?: boolean;
  sample: string;
  host?: string;
  json?: boolean;
  ndjson?: boolean;
  quiet?: boolean;
}

export interface SnapshotCommandOptions extends CollectCommandOptions {
  redis?: string;
  prefix?: string;
  guideLayout?: boolean;
  retention?: string;
  spool?: string;
}

export interface ShowCommandOptions {
  redis?: string;
  prefix?: string;
  guideLayout?: boolean;
  since: string;
  host?: string;
  fleet?: boolean;
  json?: boolean;
  ndjson?: boolean;
  color?: boolean;
}

const SOURCES_TEXT = `Sources: system (CPU, memory, disks of system.mounts, load, network), database (the guide's
application metrics from PostgreSQL: --db, DATABASE_URL or database.url; skipped when none is set)
and logs (app.log* of the last hour: records and errors by level, error_rate %, processing_time
p50/p95). Each fails on its own: the others still come out and the failure is named.`;

const COLLECT_HELP = `
Examples:
  $ smsmon metrics collect                         # system + logs (+ database when configured)
  $ smsmon metrics collect --db postgres://monitor@db/sms --json
  $ smsmon metrics collect --no-system --no-database --dir /srv/app/logs --ndjson

${SOURCES_TEXT}
Exit: 0 every source answered, 2 usage or bad config, 3 a source failed (the rest is printed).`;

const SNAPSHOT_HELP = `
Examples:
  $ smsmon metrics snapshot                        # from cron, every minute
  $ smsmon metrics snapshot --redis redis://cache:6379/2 --quiet
  $ smsmon metrics snapshot --guide-layout         # the guide's metrics:<name> keys, done right

Per metric a sorted set <prefix>:<host>:metric:<name> (score: the time in ms; member
"<time>:<value>", so equal values never overwrite each other), trimmed to the retention in the
same MULTI/EXEC; the latest snapshot as the hash <prefix>:<host>:latest; every key expires after
redis.keyExpiry. When Redis cannot be reached the snapshot waits in the spool file (spool.path)
and the next run that reaches Redis writes it first, in order. Overlapping runs take a lock.
${SOURCES_TEXT}
Exit: 0 stored, 2 usage or bad config, 3 stored but a source failed, 4 Redis unreachable:
spooled for the next run.`;

const SHOW_HELP = `
Examples:
  $ smsmon metrics show                            # every metric of this host, last 6 hours
  $ smsmon metrics show cpu_percent error_rate --since 1h
  $ smsmon metrics show --fleet --json             # all hosts merged, the dashboard API shape
  $ smsmon metrics show --host web-2 --ndjson | jq -r '[.time, .value] | @tsv'
  $ smsmon metrics show --guide-layout             # also what the guide's own store_metrics wrote

With --guide-layout each metrics:<name> key is read whole: samples in smsmon's form and in the
guide's original one (member = time in seconds, score = value) are both read, the latter named once
on stderr (smsmon metrics migrate rewrites them). Keys holding nothing readable are named with why.

Exit: 0 shown, 1 no samples in the window, 2 usage or bad config, 3 Redis unreachable.`;

/** The options of SourceSelection: which sources, and where they are (also `top`). */
export function addSourceSelectionOptions(command: Command): Command {
  return command
    .option('--db <url>', 'PostgreSQL URL (default: DATABASE_URL, database.url)')
    .option('-d, --dir <dir>', LOG_DIR_HELP)
    .option('--tz <zone>', TZ_HELP)
    .option('--no-system', 'leave out the system figures')
    .option('--no-database', 'leave out the database figures')
    .option('--no-logs', 'leave out the log figures');
}

/** Where the figures of a fresh snapshot come from (shared with `alerts check`). */
export function addSourceOptions(command: Command): Command {
  return addSourceSelectionOptions(command).option(
    '--sample <duration>',
    'window over which CPU and network are measured',
    '500ms',
  );
}

function addSnapshotOutputOptions(command: Command): Command {
  return command
    .option('--host <name>', 'host name the snapshot is filed under (default: this machine)')
    .addOption(new Option('--json', 'the snapshot as one JSON document').conflicts('ndjson'))
    .option('--ndjson', 'one JSON object per metric')
    .option('-q, --quiet', 'nothing on stdout; failures still on stderr')
    .addOption(colorOption());
}

/** --redis, --prefix, --guide-layout (shared with `alerts check`). */
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

export function registerMetrics(program: Command): void {
  const metrics = program
    .command('metrics')
    .description('collect system, PostgreSQL and log metrics, snapshot them into Redis, read them back')
    .addHelpText(
      'after',
      `\nExamples:\n  $ smsmon metrics collect\n  $ smsmon metrics snapshot --quiet\n  $ smsmon metrics show --since 6h\n  $ smsmon metrics migrate --dry-run\nExit: see each subcommand.`,
    );
  addSnapshotOutputOptions(
    addSourceOptions(metrics.command('collect').description('print one snapshot of every metric')),
  )
    .addHelpText('after', COLLECT_HELP)
    .action(async (options: CollectCommandOptions, command: Command) => {
      const { runCollect } = await import('./collect/run.js');
      process.exitCode = await runCollect(options, command);
    });
  addRedisOptions(
    addSnapshotOutputOptions(
      addSourceOptions(metrics.command('snapshot').description('collect one snapshot and store it in Redis')),
    ),
  )
    .option('--retention <duration>', 'samples older than this are trimmed (default: redis.retention, 24h)')
    .option('--spool <path>', 'where a snapshot waits while Redis is down (default: spool.path)')
    .addHelpText('after', SNAPSHOT_HELP)
    .action(async (options: SnapshotCommandOptions, command: Command) => {
      const { runSnapshot } = await import('./snapshot/run.js');
      process.exitCode = await runSnapshot(options, command);
    });
  addRedisOptions(
    metrics.command('show').description('read the stored series back: table with sparklines, or JSON'),
  )
    .argument('[metrics...]', 'metric names (default: all)')
    .option('--since <time>', 'samples at or after: 15m, 6h, 1d ago, or an ISO time', '6h')
    .option('--host <name>', 'this host only (default: this machine)')
    .addOption(new Option('--fleet', 'every host, merged').conflicts('host'))
    .addOption(
      new Option('--json', "the guide's dashboard API shape, each metric with its history").conflicts(
        'ndjson',
      ),
    )
    .option('--ndjson', 'one JSON object per sample')
    .addOption(colorOption())
    .addHelpText('after', SHOW_HELP)
    .action(async (metricNames: string[], options: ShowCommandOptions, command: Command) => {
      const { runShow } = await import('./show/run.js');
      process.exitCode = await runShow(metricNames, options, command);
    });
  registerMetricsMigrate(metrics);
}
