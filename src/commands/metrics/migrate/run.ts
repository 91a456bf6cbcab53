import { hostname } from 'node:os';
import type { Command } from 'commander';
import { configFor } from '../../../core/config.js';
import { durationMs, parseDuration } from '../../../core/duration.js';
import { ExitCode } from '../../../core/errors.js';
import { redisLayout } from '../../../redis/redisLayout.js';
import { migrateGuideKeys } from '../../../redis/guideMigration.js';
import { migrationJson, migrationText } from '../../../redis/guideMigrationReport.js';
import { Output } from '../../../sinks/output.js';
import { closeRedis, openRedis } from '../../../redis/redisConnection.js';
import type { MigrateCommandOptions } from './options.js';
import { REDIS_CONNECT_TIMEOUT_MS, redisTargetFrom } from '../../../redis/redisTarget.js';
import { resultStream } from '../../shared/quiet.js';

export async function runMigrate(
  names: string[],
  options: MigrateCommandOptions,
  command: Command,
): Promise<number> {
  const { config } = await configFor(command);
  const from = redisLayout('guide', options.prefix);
  const toName = options.to ?? config.redis.layout;
  const to = redisLayout(
    toName,
    options.toPrefix ?? (toName === 'guide' ? from.prefix : config.redis.prefix),
  );
  const host = options.host ?? hostname();
  const retentionMs =
    options.retention === undefined
      ? durationMs(config.redis.retention)
      : parseDuration('--retention', options.retention);
  const dryRun = options.dryRun === true;
  const redis = await openRedis(redisTargetFrom(config, options).url, {
    connectTimeoutMs: REDIS_CONNECT_TIMEOUT_MS,
  });
  let result;
  try {
    result = await migrateGuideKeys(redis, {
      from,
      to,
      host,
      ...(names.length > 0 ? { metrics: names } : {}),
      retentionMs,
      keyExpiryMs: durationMs(config.redis.keyExpiry),
      dryRun,
    });
  } finally {
    await closeRedis(redis);
  }
  const report = {
    dryRun,
    from: `${from.metricKeyStart('')}*`,
    to: { layout: to.name, keys: `${to.metricKeyStart(host)}<name>` },
    ...result,
  };
  const output = new Output(resultStream(options));
  output.write(options.json ? migrationJson(report) : migrationText(report));
  await output.flush();
  return ExitCode.Ok;
}
