import { hostname } from 'node:os';
import type { Command } from 'commander';
import { configFor } from '../../../core/config.js';
import { didYouMean, ExitCode } from '../../../core/errors.js';
import { currentTime, parseTimeSpec } from '../../../core/timeSpec.js';
import { wallClockIn } from '../../../core/timeZone.js';
import { writeNotice } from '../../../sinks/notice.js';
import { Output } from '../../../sinks/output.js';
import { closeRedis, openRedis } from '../../../redis/redisConnection.js';
import { guideNoSamplesCause, readNotes } from '../../../redis/seriesNotes.js';
import { seriesJson, seriesNdjson, seriesText, type SeriesReport } from '../../../metrics/seriesReport.js';
import { readSeries, storedMetricNames } from '../../../redis/seriesReader.js';
import { readFleetFigures } from '../../../metrics/readFleetFigures.js';
import type { KeySummary } from '../../../redis/seriesKeys.js';
import type { ShowCommandOptions } from './options.js';
import { REDIS_CONNECT_TIMEOUT_MS, redisTargetFrom } from '../../../redis/redisTarget.js';
import { colourWanted } from '../../shared/colour.js';
import { resultStream } from '../../shared/quiet.js';
import { tableWidthOf } from '../../shared/tableWidth.js';
import { Spinner } from '../../../sinks/spinner.js';
import { waitSpinnerWanted } from '../../../sinks/liveStatus.js';
import { redactUrl } from '../../../core/redact.js';

export async function runShow(
  names: string[],
  options: ShowCommandOptions,
  command: Command,
): Promise<number> {
  const { config } = await configFor(command);
  const target = redisTargetFrom(config, options);
  const until = currentTime();
  const since = parseTimeSpec('--since', options.since, until, wallClockIn(undefined));
  const spinner = new Spinner(`reading ${redactUrl(target.url)}`, waitSpinnerWanted(options), 300);
  let report: SeriesReport;
  let guideKeys: KeySummary[];
  let missing: string[] = [];
  let known: string[] = [];
  const redis = await openRedis(target.url, { connectTimeoutMs: REDIS_CONNECT_TIMEOUT_MS }).catch(
    (error: unknown) => {
      spinner.stop();
      throw error;
    },
  );
  try {
    const read = await readSeries(redis, target.layout, {
      host: options.fleet ? undefined : (options.host ?? hostname()),
      fleet: options.fleet === true,
      keys: names.length > 0 ? names : undefined,
      sinceMs: since,
      nowMs: until,
    });
    const fleet = options.fleet ? await readFleetFigures(redis, target.layout, read.series) : undefined;
    report = { hosts: read.hosts, since, until, series: read.series, ...(fleet ? { fleet } : {}) };
    guideKeys = read.guideKeys;
    missing = names.filter((name) => !report.series[name]?.length);
    if (missing.length > 0) known = await storedMetricNames(redis, target.layout, read.hosts, read.latest);
    for (const line of readNotes(read.guideKeys, read.unparsed)) process.stderr.write(line);
  } finally {
    spinner.stop();
    await closeRedis(redis);
  }
  const samples = Object.values(report.series).reduce((n, points) => n + points.length, 0);
  const output = new Output(resultStream(options));
  const color = colourWanted(options);
  if (options.json) output.write(seriesJson(report));
  else if (options.ndjson) output.write(seriesNdjson(report));
  else if (samples > 0) output.write(seriesText(report, color, tableWidthOf(options)));
  await output.flush();
  // A name with no samples is often a misspelt one: say so per name, with the stored name it is near.
  for (const name of missing) {
    const near = didYouMean(name, known);
    if (near && near !== name) writeNotice(`no samples for "${name}"; did you mean ${near}?`);
  }
  if (samples > 0) return ExitCode.Ok;
  const where = options.fleet ? 'any host' : `host ${options.host ?? hostname()}`;
  const cause = target.layout.perHost ? null : guideNoSamplesCause(guideKeys);
  writeNotice(
    `no samples${target.layout.perHost ? ` for ${where}` : ''} since ${new Date(since).toISOString()} in ${target.layout.prefix}:*` +
      (cause ? `: ${cause}` : ''),
  );
  return ExitCode.NoMatch;
}
