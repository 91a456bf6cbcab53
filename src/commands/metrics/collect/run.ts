import type { Command } from 'commander';
import { configFor } from '../../../core/config.js';
import { ExitCode } from '../../../core/errors.js';
import { collectOptionsFrom } from '../../../metrics/collectOptions.js';
import { collectSnapshot } from '../../../metrics/snapshotCollector.js';
import { logPlaceFor } from '../../shared/logPlace.js';
import { printSnapshot, reportFailures } from '../printSnapshot.js';
import type { CollectCommandOptions } from './options.js';
import { whileWaiting } from '../../../sinks/spinner.js';
import { waitSpinnerWanted } from '../../../sinks/liveStatus.js';

export async function runCollect(options: CollectCommandOptions, command: Command): Promise<number> {
  const { config } = await configFor(command);
  const place = await logPlaceFor(command, options);
  const snapshot = await whileWaiting(
    'collecting metrics',
    waitSpinnerWanted(options),
    collectSnapshot(collectOptionsFrom(config, options, place)),
  );
  if (!options.quiet) await printSnapshot(snapshot, options);
  reportFailures(snapshot);
  return snapshot.failures.length > 0 ? ExitCode.SourceUnreadable : ExitCode.Ok;
}
