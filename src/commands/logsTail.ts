import type { Command } from 'commander';
import { ExitCode, UsageError } from '../core/errors.js';
import type { LogRecord } from '../core/record.js';
import { sortByTime } from '../operators/sortByTime.js';
import { formatFor } from '../parsers/formats.js';
import { followRecords } from '../parsers/followRecords.js';
import { formatOfInput } from '../parsers/inputRecords.js';
import { tailOfInput, type InputTail } from '../parsers/inputTail.js';
import {
  addLogOptions,
  buildLogQuery,
  SOURCES_HELP,
  type LogCommandOptions,
  type LogQuery,
} from './logOptions.js';
import { RecordSink } from './recordSink.js';
import { reportScan } from './scanRecords.js';
import { FAMILIES } from '../core/families.js';

interface TailCommandOptions extends LogCommandOptions {
  lines: string;
  follow?: boolean;
}

const EXAMPLES = `
Examples:
  $ smsmon logs tail errors -f                    # replaces: tail -f logs/errors.log
  $ smsmon logs tail -n 20 --level ERROR          # replaces: grep ERROR logs/app.log | tail -20
  $ smsmon logs tail sms -f --fields message      # replaces: tail -f logs/sms.log | jq '.message'
  $ smsmon logs tail app sms -f --level WARNING+  # two families, merged by time
  $ smsmon logs tail -n 5 --ndjson ./other/app.log

-n counts records, not lines: a traceback is one record. The last records are found by reading
backwards, going into app.log.1 … only while more are needed. -f follows rename rotation
(RotatingFileHandler), copytruncate and files that do not exist yet, and never prints half a line.
Exit: 0 records printed, 1 none matched (without -f), 2 usage, 3 unreadable source.`;

export function registerLogsTail(logs: Command): void {
  const command = logs
    .command('tail')
    .description('print the last records of log families, and follow them with -f')
    .argument('[sources...]', SOURCES_HELP)
    .option('-n, --lines <count>', 'how many records (a traceback is one record)', '10')
    .option('-f, --follow', 'keep printing records as they are written, across rotation');
  addLogOptions(command)
    .addHelpText('after', EXAMPLES)
    .action(async (args: string[], options: TailCommandOptions) => {
      process.exitCode = await runTail(args, options);
    });
}

async function runTail(args: string[], options: TailCommandOptions): Promise<number> {
  const count = parseCount(options.lines);
  const follow = options.follow === true;
  const query = await buildLogQuery(args, options, { follow });
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
      }),
    );
  }
  const last: LogRecord[] = sortByTime(tails.map((t) => t.records)).slice(-count);
  await sink.accept(last, true);
  await sink.output.flush();
  if (follow && !sink.closed) await followAll(query, tails, sink);
  await sink.finish();
  reportScan(query, sink.stats);
  return sink.stats.matched > 0 || follow ? ExitCode.Ok : ExitCode.NoMatch;
}

/** Follows every input's live file until Ctrl-C, SIGTERM or a closed stdout. */
async function followAll(query: LogQuery, tails: InputTail[], sink: RecordSink): Promise<void> {
  const controller = new AbortController();
  const stop = (): void => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
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
    await Promise.all(followers);
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}

function parseCount(text: string): number {
  const count = Number(text);
  if (!Number.isInteger(count) || count < 0) {
    throw new UsageError(`bad -n "${text}"; expected a whole number of records, such as 20`);
  }
  return count;
}
