import type { Command } from 'commander';
import { configFor } from '../../../core/config.js';
import { ExitCode } from '../../../core/errors.js';
import type { MetricsSnapshot } from '../../../core/snapshot.js';
import { Output } from '../../../sinks/output.js';
import { snapshotJson, snapshotNdjson, snapshotText } from '../../../metrics/snapshotReport.js';
import { collectOptionsFrom } from '../../../metrics/collectOptions.js';
import { logPlaceFor } from '../../shared/logPlace.js';
import type { CollectCommandOptions } from '../define.js';
import { collectSnapshot } from '../../../metrics/snapshotCollector.js';
import { writeNotice } from '../../../sinks/notice.js';
import { colourWanted } from '../../shared/colour.js';

export async function runCollect(options: CollectCommandOptions, command: Command): Promise<number> {
  const { config } = await configFor(command);
  const place = await logPlaceFor(command, options);
  const snapshot = await collectSnapshot(collectOptionsFrom(config, options, place));
  if (!options.quiet) await printSnapshot(snapshot, options);
  reportFailures(snapshot);
  return snapshot.failures.length > 0 ? ExitCode.SourceUnreadable : ExitCode.Ok;
}

export async function printSnapshot(
  snapshot: MetricsSnapshot,
  options: CollectCommandOptions,
): Promise<void> {
  const output = new Output();
  const color = colourWanted(options);
  if (options.json) output.write(snapshotJson(snapshot));
  else if (options.ndjson) output.write(snapshotNdjson(snapshot));
  else output.write(snapshotText(snapshot, color));
  await output.flush();
}

/** One line per failed source on stderr, --quiet or not: cron mails what went wrong. */
export function reportFailures(snapshot: MetricsSnapshot): void {
  for (const { source, message } of snapshot.failures) writeNotice(`${source} metrics failed: ${message}`);
}
