import type { MetricsSnapshot } from '../../core/snapshot.js';
import { snapshotJson, snapshotNdjson, snapshotText } from '../../metrics/snapshotReport.js';
import { writeNotice } from '../../sinks/notice.js';
import { Output } from '../../sinks/output.js';
import { colourWanted } from '../shared/colour.js';
import { tableWidthOf } from '../shared/tableWidth.js';
import type { CollectCommandOptions } from './collect/options.js';

/** The snapshot collect and snapshot took, in the format their flags ask for. */
export async function printSnapshot(
  snapshot: MetricsSnapshot,
  options: CollectCommandOptions,
): Promise<void> {
  const output = new Output();
  const color = colourWanted(options);
  if (options.json) output.write(snapshotJson(snapshot));
  else if (options.ndjson) output.write(snapshotNdjson(snapshot));
  else output.write(snapshotText(snapshot, color, tableWidthOf(options)));
  await output.flush();
}

/** One line per failed source on stderr, --quiet or not: cron mails what went wrong. */
export function reportFailures(snapshot: MetricsSnapshot): void {
  for (const { source, message } of snapshot.failures) writeNotice(`${source} metrics failed: ${message}`);
}
