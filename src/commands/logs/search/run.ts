import { ExitCode } from '../../../core/errors.js';
import type { Command } from 'commander';
import type { LogCommandOptions } from '../../shared/logOptions.js';
import { logPlaceFor } from '../../shared/logPlace.js';
import { buildLogQuery } from '../../shared/logQuery.js';
import { RecordSink } from '../../../scan/recordSink.js';
import { reportScan, scanExitCode, scanRecords } from '../../../scan/scanRecords.js';
import { warnOfZoneAfter } from '../../../scan/zoneWarning.js';

export async function runSearch(
  args: string[],
  options: LogCommandOptions,
  command: Command,
): Promise<number> {
  const place = await logPlaceFor(command, options);
  const query = await buildLogQuery(args, options, { follow: false, place });
  const sink = new RecordSink(query);
  const stats = await scanRecords(query, {
    // On a terminal the results themselves show progress; a bar would be drawn over them.
    progress: !query.stdoutIsTerminal,
    lineNumbers: sink.writer.needsLineNumbers,
    visit: async (records) => {
      await sink.accept(records, true);
      return !sink.closed;
    },
  });
  await sink.finish();
  reportScan(query, stats);
  await warnOfZoneAfter(query, stats.matched);
  return scanExitCode(stats, stats.matched > 0 ? ExitCode.Ok : ExitCode.NoMatch);
}
