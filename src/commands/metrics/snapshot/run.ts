import type { Command } from 'commander';
import { configFor } from '../../../core/config.js';
import { durationMs, parseDuration } from '../../../core/duration.js';
import { spoolPath } from '../../../core/configSchema.js';
import { ExitCode } from '../../../core/errors.js';
import { closeRedis, connectRedis } from '../../../redis/redisConnection.js';
import { redactRedisUrl } from '../../../redis/redisUrl.js';
import { spoolLine } from '../../../sinks/snapshotSpool.js';
import {
  storeOptionsFrom,
  storeSnapshot,
  whyNotStored,
  type StoreOutcome,
} from '../../../redis/storeSnapshot.js';
import { collectOptionsFrom } from '../../../metrics/collectOptions.js';
import { logPlaceFor } from '../../shared/logPlace.js';
import type { SnapshotCommandOptions } from './options.js';
import { printSnapshot, reportFailures } from '../printSnapshot.js';
import { REDIS_CONNECT_TIMEOUT_MS, redisTargetFrom } from '../../../redis/redisTarget.js';
import { collectSnapshot } from '../../../metrics/snapshotCollector.js';
import { writeNotice } from '../../../sinks/notice.js';
import { Output } from '../../../sinks/output.js';
import { whileWaiting } from '../../../sinks/spinner.js';
import { waitSpinnerWanted } from '../../../sinks/liveStatus.js';

/** An overlapping run waits this long for the lock, then spools its snapshot for the next run. */
const LOCK_WAIT_MS = 10_000;

export async function runSnapshot(options: SnapshotCommandOptions, command: Command): Promise<number> {
  const { config } = await configFor(command);
  const target = redisTargetFrom(config, options);
  const retentionMs =
    options.retention === undefined
      ? durationMs(config.redis.retention)
      : parseDuration('--retention', options.retention);
  const spool = options.spool ?? spoolPath(config, process.env);
  const place = await logPlaceFor(command, options);
  const snapshot = await whileWaiting(
    'collecting metrics',
    waitSpinnerWanted(options),
    collectSnapshot(collectOptionsFrom(config, options, place)),
  );
  const redis = connectRedis(target.url, { connectTimeoutMs: REDIS_CONNECT_TIMEOUT_MS });
  let outcome: StoreOutcome;
  try {
    const choice = { layout: target.layout, spoolPath: spool, lockWaitMs: LOCK_WAIT_MS, retentionMs };
    outcome = await storeSnapshot(redis, snapshot, storeOptionsFrom(config, choice));
  } finally {
    await closeRedis(redis);
  }
  if (!outcome.stored && outcome.spool === null) {
    // Neither Redis nor the spool took it: stdout keeps it (cron mails it), as one spool line.
    process.stdout.write(`${spoolLine(snapshot)}\n`);
    reportFailures(snapshot);
    writeNotice(lostLine(outcome));
    return ExitCode.SourceUnreadable;
  }
  if (options.json) {
    const stored = { redis: redactRedisUrl(target.url), spool, ...outcome };
    const output = new Output();
    // The sketches are stored for --fleet; the printed snapshot keeps its documented shape.
    const { sketches: _, ...shown } = snapshot;
    output.write(JSON.stringify({ snapshot: shown, stored }, null, 2) + '\n');
    await output.flush();
  } else if (!options.quiet) await printSnapshot(snapshot, options);
  reportFailures(snapshot);
  for (const line of outcomeLines(outcome, redactRedisUrl(target.url), spool))
    if (!options.quiet || !outcome.stored) writeNotice(line);
  // Problems with the spool go to stderr even with --quiet: cron mails them.
  for (const line of spoolProblems(outcome, spool)) writeNotice(line);
  if (!outcome.stored) return ExitCode.Spooled;
  return snapshot.failures.length > 0 || outcome.spoolFault ? ExitCode.SourceUnreadable : ExitCode.Ok;
}

function lostLine(outcome: Extract<StoreOutcome, { stored: false }>): string {
  return `${whyNotStored(outcome)}; ${outcome.spoolFault}: the snapshot follows on stdout as one spool line`;
}

function spoolProblems(outcome: StoreOutcome, spool: string): string[] {
  const lines: string[] = [];
  const deferred = outcome.replay?.deferred;
  if (deferred) lines.push(`${deferred} spooled snapshot(s) stamped ahead of Redis' clock left in ${spool}`);
  if (outcome.stored && outcome.spoolFault) lines.push(`spool not replayed: ${outcome.spoolFault}`);
  return lines;
}

function outcomeLines(outcome: StoreOutcome, url: string, spool: string): string[] {
  const lines: string[] = [];
  const { replay } = outcome;
  if (replay && replay.replayed > 0)
    lines.push(`replayed ${replay.replayed} spooled snapshot(s) into ${url}`);
  if (replay && replay.invalid > 0)
    lines.push(`${replay.invalid} unreadable spool line(s) moved to ${spool}.corrupt`);
  if (outcome.stored) {
    const skipped = outcome.write.skipped;
    lines.push(`stored ${outcome.write.metricsWritten} metric(s) in ${url}`);
    if (skipped.length > 0) lines.push(`not stored: ${skipped.join(', ')}`);
    return lines;
  }
  const { spool: spooled } = outcome;
  if (!spooled) return lines;
  lines.push(
    `${whyNotStored(outcome)}; snapshot spooled to ${spool} (${spooled.entries} waiting) for the next run`,
  );
  if (spooled.dropped > 0) lines.push(`spool full: dropped the ${spooled.dropped} oldest snapshot(s)`);
  return lines;
}
