import type { Command } from 'commander';
import { configFor } from '../../core/config.js';
import type { SmsmonConfig } from '../../core/configSchema.js';
import { fail, pass, warn, type CheckResult } from '../../core/doctorCheck.js';
import { FAMILIES } from '../../core/families.js';
import { parseDuration } from '../../core/duration.js';
import { currentTime } from '../../core/timeSpec.js';
import { doctorJson, doctorText, summaryOf } from '../../sinks/doctorReport.js';
import { Output } from '../../sinks/output.js';
import {
  checkFamilyWritten,
  checkLogDisk,
  checkLogsDir,
  checkRotation,
} from '../../sources/logFilesCheck.js';
import { checkLogClock } from '../../scan/logClockCheck.js';
import { checkRedis } from '../../redis/redisCheck.js';
import { checkExporter, checkPostgres } from '../../sources/serviceChecks.js';
import type { DoctorCommandOptions } from './options.js';
import { checkSmsEvents } from './smsEvents.js';
import { healthProbe } from '../../health/healthProbe.js';
import { logPlaceFor } from '../shared/logPlace.js';
import { DEFAULT_REDIS_URL } from '../../redis/redisTarget.js';
import { colourWanted } from '../shared/colour.js';
import { resultStream } from '../shared/quiet.js';
import { tableWidthOf } from '../shared/tableWidth.js';
import { Spinner } from '../../sinks/spinner.js';
import { waitSpinnerWanted } from '../../sinks/liveStatus.js';

/** Runs every check at once; each is bounded by --timeout and reports instead of throwing. */
export async function runDoctor(options: DoctorCommandOptions, command: Command): Promise<number> {
  const { config } = await configFor(command);
  const timeoutMs = parseDuration('--timeout', options.timeout, { timer: true });
  const place = await logPlaceFor(command, options);
  const dir = place.dir.path;
  const now = currentTime();
  const families = Object.values(FAMILIES);
  const spinner = new Spinner(
    'checking',
    waitSpinnerWanted({ ...options, quiet: options.quiet || options.json }),
    300,
  );
  const checks = await Promise.all([
    checkLogsDir(dir),
    ...families.map((family) => checkFamilyWritten(dir, family, now)),
    ...families.map((family) => checkRotation(dir, family)),
    ...families.map((family) => checkLogClock(place, family)),
    checkLogDisk(dir),
    checkSmsEvents(config, place),
    checkHealth(config, options, timeoutMs),
    checkRedis(options.redis ?? config.redis.url ?? DEFAULT_REDIS_URL, timeoutMs),
    checkPostgres(options.db ?? config.database.url, timeoutMs),
    checkThresholds(config),
    ...(await checkChannels(config, options.sendTest === true, timeoutMs)),
    ...(options.exporter ? [checkExporter(options.exporter, timeoutMs)] : []),
  ]).finally(() => spinner.stop());
  const output = new Output(resultStream(options));
  const color = colourWanted(options);
  output.write(options.json ? doctorJson(checks) : doctorText(checks, color, tableWidthOf(options)));
  await output.flush();
  const { warn: warnings, fail: failures } = summaryOf(checks);
  return failures > 0 ? 2 : warnings > 0 ? 1 : 0;
}

async function checkHealth(
  config: SmsmonConfig,
  options: DoctorCommandOptions,
  timeoutMs: number,
): Promise<CheckResult> {
  const url = options.healthUrl ?? config.health.url;
  const result = await (await healthProbe({ ...config, health: { ...config.health, url } }, timeoutMs))();
  const detail = `${result.url}: ${result.reason}`;
  if (result.state === 'ok') return pass('health', detail);
  if (result.state === 'warning') return warn('health', detail, 'see `smsmon health` for each service');
  return fail('health', detail, 'is the app running? see `smsmon health`');
}

function checkThresholds(config: SmsmonConfig): CheckResult {
  const set = Object.entries(config.alerts.thresholds).filter(
    ([, t]) => t.warning !== undefined || t.critical !== undefined,
  );
  if (set.length === 0)
    return warn('thresholds', 'no alert thresholds', 'set alerts.thresholds in smsmon.config.json');
  return pass('thresholds', `${set.length} set: ${set.map(([name]) => name).join(', ')}`);
}

/** One result per channel: configured (and, with --send-test, a test message sent). */
async function checkChannels(
  config: SmsmonConfig,
  sendTest: boolean,
  timeoutMs: number,
): Promise<CheckResult[]> {
  const { notifiersFrom } = await import('../../alerts/notifiers.js');
  const notifiers = notifiersFrom(config, { timeoutMs });
  if (notifiers.length === 0)
    return [
      warn(
        'channels',
        'no notification channel',
        'set alerts.slack.webhookUrl or alerts.email, then `smsmon alerts test`',
      ),
    ];
  if (!sendTest)
    return notifiers.map((n) =>
      pass(`channel:${n.name}`, 'configured (not tested: --send-test sends a test alert)'),
    );
  return Promise.all(
    notifiers.map(async (notifier) => {
      try {
        await notifier.send({ kind: 'test', host: 'smsmon doctor', time: Date.now(), alerts: [] });
        return pass(`channel:${notifier.name}`, 'test alert sent');
      } catch (error) {
        return fail(
          `channel:${notifier.name}`,
          (error as Error).message,
          'fix the channel in smsmon.config.json',
        );
      }
    }),
  );
}
