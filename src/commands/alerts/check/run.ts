import { hostname } from 'node:os';
import type { Command } from 'commander';
import type { Notifier } from '../../../alerts/alert.js';
import { configFor } from '../../../core/config.js';
import { healthProbe } from '../../../health/healthProbe.js';
import { durationMs, parseDuration } from '../../../core/duration.js';
import type { SmsmonConfig } from '../../../core/configSchema.js';
import { errorLine, ExitCode, SourceError, UsageError } from '../../../core/errors.js';
import type { HealthCheckResult } from '../../../core/health.js';
import type { RedisLayout } from '../../../redis/redisLayout.js';
import type { MetricsSnapshot } from '../../../core/snapshot.js';
import { evaluateThresholds, isUnknownKey, type ThresholdCheck } from '../../../alerts/thresholdCheck.js';
import { deliverAlerts, type DeliveryOutcome } from '../../../alerts/alertDelivery.js';
import {
  alertReportJson,
  alertReportText,
  deliveryLines,
  notMeasuredLine,
} from '../../../alerts/alertReport.js';
import type { AlertReport } from '../../../alerts/alertReport.js';
import { humanDuration } from '../../../sinks/humanDuration.js';
import { metricValueText } from '../../../sinks/metricValue.js';
import { Output } from '../../../sinks/output.js';
import { closeRedis, openRedis, type RedisClient } from '../../../redis/redisConnection.js';
import { aheadBeyondSkew, redisTimeMs } from '../../../redis/redisClock.js';
import { readLatestSnapshot } from '../../../redis/latestSnapshot.js';
import type { AlertsCheckOptions } from './options.js';
import { collectOptionsFrom } from '../../../metrics/collectOptions.js';
import { logPlaceFor } from '../../shared/logPlace.js';
import { REDIS_CONNECT_TIMEOUT_MS, redisTargetFrom, type RedisTarget } from '../../../redis/redisTarget.js';
import { collectSnapshot } from '../../../metrics/snapshotCollector.js';
import { writeNotice } from '../../../sinks/notice.js';
import { colourWanted } from '../../shared/colour.js';
import { tableWidthOf } from '../../shared/tableWidth.js';

/** One check of the app's /health endpoint (the health command's checker, bound to the config). */
export type HealthProbe = () => Promise<HealthCheckResult>;

export interface AlertsCheckDeps {
  /** Without one, health is not evaluated: the health alert keys stay as they were. */
  readonly probeHealth?: HealthProbe;
  /** Default: the channels configured (alerts/notifiers). */
  readonly notifiers?: readonly Notifier[];
}

/** Each channel gets this long per message; the lock outlives two messages on every channel. */
const NOTIFY_TIMEOUT_MS = 10_000;
const LOCK_TTL_MS = 60_000;
const LOCK_WAIT_MS = 10_000;
const FRESH_ONLY = ['db', 'dir', 'tz', 'sample', 'system', 'database', 'logs'];

/** Redis is connected only when needed (--from-redis, --notify), once. */
class LazyRedis {
  private client: RedisClient | undefined;
  constructor(readonly target: RedisTarget) {}
  async get(): Promise<RedisClient> {
    this.client ??= await openRedis(this.target.url, { connectTimeoutMs: REDIS_CONNECT_TIMEOUT_MS });
    return this.client;
  }
  close(): Promise<void> {
    return this.client ? closeRedis(this.client) : Promise.resolve();
  }
}

/**
 * Snapshot (fresh or stored) and health → thresholds → optionally notify → report. From the command
 * line: the config's health probe and channels; tests hand in their own.
 */
export async function runAlertsCheck(
  options: AlertsCheckOptions,
  command: Command,
  deps: AlertsCheckDeps = { probeHealth: configuredHealthProbe(command) },
): Promise<number> {
  const { config } = await configFor(command);
  checkCombinations(options, command);
  const repeatMs =
    options.repeat === undefined
      ? durationMs(config.alerts.repeat)
      : parseDuration('--repeat', options.repeat);
  const maxAgeMs = parseDuration('--max-age', options.maxAge);
  const host = options.host ?? hostname();
  const notifiers = options.notify ? (deps.notifiers ?? (await configuredNotifiers(config))) : [];
  if (options.notify && notifiers.length === 0)
    throw new UsageError('--notify: no channel configured', 'set alerts.slack.webhookUrl or alerts.email');
  const collect = collectOptionsFrom(config, { ...options, host }, await logPlaceFor(command, options));
  const redis = new LazyRedis(redisTargetFrom(config, options));
  const problems: string[] = [];
  try {
    const [snapshot, health] = await Promise.all([
      options.fromRedis ? storedSnapshot(redis, host) : collectSnapshot(collect),
      options.health && deps.probeHealth ? probe(deps.probeHealth, problems) : null,
    ]);
    const where = options.fromRedis ? ' (stored snapshot)' : '';
    for (const { source, message } of snapshot.failures)
      problems.push(`${source} metrics failed${where}: ${message}`);
    const age = collect.now - snapshot.timestamp;
    const stale = options.fromRedis === true && age > maxAgeMs;
    if (stale)
      problems.push(`the stored snapshot is ${humanDuration(age / 1000)} old (--max-age ${options.maxAge})`);
    const ahead = options.fromRedis ? await aheadOfRedis(redis, snapshot, config) : null;
    if (ahead !== null)
      problems.push(
        `the stored snapshot is stamped ${humanDuration(ahead / 1000)} ahead of Redis' clock ` +
          `(redis.maxFutureSkew ${config.redis.maxFutureSkew}): the clock of the host that took it was wrong`,
      );
    const check = evaluateThresholds(snapshot.metrics, config.alerts.thresholds, health, metricValueText);
    let notified: DeliveryOutcome | null = null;
    if (options.notify && stale) problems.push('not notified: the snapshot is too old to judge by');
    else if (options.notify && ahead !== null) problems.push('not notified: the snapshot is from the future');
    else if (options.notify) {
      notified = await orProblem(problems, 'not notified', async () =>
        deliverAlerts(await redis.get(), check.alerts, notifiers, {
          host,
          layout: redis.target.layout,
          now: collect.now,
          repeatMs,
          keyExpiryMs: durationMs(config.redis.keyExpiry),
          lockTtlMs: LOCK_TTL_MS,
          lockWaitMs: LOCK_WAIT_MS,
          isUnknown: (key) => isUnknownKey(check, key),
        }),
      );
    }
    const from = options.fromRedis ? 'redis' : 'collect';
    await print({ host, snapshotTime: snapshot.timestamp, from, check, health, problems, notified }, options);
    return exitCode(check, problems, notified);
  } finally {
    await redis.close();
  }
}

/** 3 (incomplete) wins over 1 (firing): an incomplete check may hide alerts; the firing ones are printed. */
function exitCode(
  check: ThresholdCheck,
  problems: readonly string[],
  notified: DeliveryOutcome | null,
): number {
  if (problems.length > 0 || failedSend(notified)) return ExitCode.SourceUnreadable;
  return check.alerts.length > 0 ? ExitCode.NoMatch : ExitCode.Ok;
}

function failedSend(notified: DeliveryOutcome | null): boolean {
  return notified !== null && notified.skipped === null && !notified.stateWritten;
}

async function print(report: AlertReport, options: AlertsCheckOptions): Promise<void> {
  const output = new Output();
  const { check, notified } = report;
  if (options.json) output.write(alertReportJson(report));
  else if (!options.quiet)
    output.write(alertReportText(report, colourWanted(options), tableWidthOf(options)));
  // Never silently skipped: with --quiet the not-measured thresholds go to stderr.
  else if (check.notMeasured.length > 0) process.stderr.write(`smsmon: ${notMeasuredLine(check)}\n`);
  await output.flush();
  if (notified && (!options.quiet || failedSend(notified)))
    for (const line of deliveryLines(notified)) process.stderr.write(`smsmon: ${line}\n`);
  for (const problem of report.problems) writeNotice(problem);
}

/** The source flags only shape a fresh collection: with --from-redis they would be silently ignored. */
function checkCombinations(options: AlertsCheckOptions, command: Command): void {
  const given = (name: string) => command.getOptionValueSource(name) === 'cli';
  if (options.fromRedis) {
    const flag = FRESH_ONLY.find(given);
    if (flag)
      throw new UsageError(`--${flagName(flag)} only applies to a fresh collection, not --from-redis`);
  } else if (given('maxAge')) throw new UsageError('--max-age only applies with --from-redis');
}

function flagName(option: string): string {
  return ['system', 'database', 'logs'].includes(option) ? `no-${option}` : option;
}

async function storedSnapshot(redis: LazyRedis, host: string): Promise<MetricsSnapshot> {
  const layout: RedisLayout = redis.target.layout;
  const { snapshot, unparsed } = await readLatestSnapshot(await redis.get(), layout, host);
  if (!snapshot)
    throw new SourceError(
      `no snapshot of host ${host} in Redis (${layout.latestKey(host)})`,
      'run `smsmon metrics snapshot` from cron first, or check without --from-redis',
    );
  if (unparsed > 0)
    process.stderr.write(`smsmon: ${unparsed} stored value(s) could not be read and were left out\n`);
  return snapshot;
}

/** How far the stored snapshot is ahead of Redis' clock, beyond redis.maxFutureSkew; else null. */
async function aheadOfRedis(redis: LazyRedis, snapshot: MetricsSnapshot, config: SmsmonConfig) {
  const nowMs = await redisTimeMs(await redis.get());
  return aheadBeyondSkew(snapshot.timestamp, nowMs, durationMs(config.redis.maxFutureSkew));
}

function probe(probeHealth: HealthProbe, problems: string[]): Promise<HealthCheckResult | null> {
  return orProblem(problems, 'health check failed', probeHealth);
}

/** The result, or null with a one-line problem noted; a UsageError (bad config) still stops the run. */
async function orProblem<T>(problems: string[], what: string, run: () => Promise<T>): Promise<T | null> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof UsageError) throw error;
    problems.push(`${what}: ${errorLine(error)}`);
    return null;
  }
}

/** The health command's checker, bound to the config. */
function configuredHealthProbe(command: Command): HealthProbe {
  return async () => (await healthProbe((await configFor(command)).config))();
}

/** The channels branch provides alerts/notifiers; imported only when --notify asks for it. */
async function configuredNotifiers(config: SmsmonConfig): Promise<readonly Notifier[]> {
  const { notifiersFrom } = await import('../../../alerts/notifiers.js');
  return notifiersFrom(config, { timeoutMs: NOTIFY_TIMEOUT_MS });
}
