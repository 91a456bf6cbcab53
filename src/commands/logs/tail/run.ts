import type { Command } from 'commander';
import { ExitCode } from '../../../core/errors.js';
import type { LogRecord } from '../../../core/record.js';
import { sortByTime } from '../../../operators/sortByTime.js';
import { formatFor } from '../../../parsers/formats.js';
import { followRecords } from '../../../scan/readers/followRecords.js';
import { formatOfInput } from '../../../scan/readers/inputRecords.js';
import { tailOfInput, type InputTail } from '../../../scan/readers/inputTail.js';
import { buildLogQuery, type LogQuery } from '../../shared/logQuery.js';
import { logPlaceFor } from '../../shared/logPlace.js';
import type { TailCommandOptions } from './options.js';
import { RecordSink } from '../../../scan/recordSink.js';
import { reportSummary, reportUnreadable, scanExitCode } from '../../../scan/scanRecords.js';
import { FAMILIES } from '../../../core/families.js';
import { warnOfZoneAfter } from '../../../scan/zoneWarning.js';
import { watchStdoutClosed } from '../../../sinks/stdoutClosed.js';
import { parseWholeNumber } from '../../shared/wholeNumber.js';

export async function runTail(
  args: string[],
  options: TailCommandOptions,
  command: Command,
): Promise<number> {
  const count = parseCount(options.lines);
  const follow = options.follow === true;
  const place = await logPlaceFor(command, options);
  const query = await buildLogQuery(args, options, { follow, place });
  const sink = new RecordSink(query);
  const tails: InputTail[] = [];
  for (const input of query.inputs) {
    tails.push(
      await tailOfInput(input, {
        count,
        follow,
        accept: (record) => {
          sink.stats.see(record);
          return query.filter(record);
        },
        lineNumbers: sink.writer.needsLineNumbers,
        formatOverride: query.formatOverride,
        wallClock: query.wallClock,
        since: query.since,
        onProblem: sink.stats.noteUnreadable,
      }),
    );
  }
  const last: LogRecord[] = sortByTime(tails.map((t) => t.records)).slice(-count);
  await sink.accept(last, true);
  await sink.output.flush();
  reportUnreadable(sink.stats); // before following: -f may run for days
  await warnOfZoneAfter(query, sink.stats.matched);
  if (follow && !sink.closed) await followAll(query, tails, sink);
  await sink.finish();
  reportSummary(query, sink.stats);
  return scanExitCode(sink.stats, sink.stats.matched > 0 || follow ? ExitCode.Ok : ExitCode.NoMatch);
}

/** Follows every input's live file until Ctrl-C, SIGTERM or a closed stdout (seen even while idle). */
async function followAll(query: LogQuery, tails: InputTail[], sink: RecordSink): Promise<void> {
  const controller = new AbortController();
  const stop = (): void => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const unwatch = watchStdoutClosed(() => {
    sink.output.closed = true;
    stop();
  });
  try {
    const followers = query.inputs.map(async (input, i) => {
      const resume = tails[i]!.resume;
      if (!resume) return;
      const format =
        query.formatOverride !== undefined || input.format !== undefined
          ? formatFor(query.formatOverride ?? input.format!)
          : await formatOfInput(input, resume.path).catch(() => formatFor(FAMILIES.app!.format));
      const records = followRecords(resume.path, format, query.wallClock, {
        startOffset: resume.offset,
        startLine: resume.line,
        startFileId: resume.fileId,
        signal: controller.signal,
      });
      for await (const batch of records) {
        await sink.accept(batch);
        await sink.output.flush();
        if (sink.closed) controller.abort();
      }
    });
    // One follower failing (its path became a FIFO) stops the others before the error is told.
    const settled = await Promise.allSettled(
      followers.map((f) =>
        f.catch((error: unknown) => {
          stop();
          throw error;
        }),
      ),
    );
    for (const result of settled) if (result.status === 'rejected') throw result.reason;
  } finally {
    unwatch();
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}

function parseCount(text: string): number {
  return parseWholeNumber('-n', text, 'a whole number of records, such as 20');
}
