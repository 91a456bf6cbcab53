import type { Command } from 'commander';
import { addLogOptions, sourcesArgument } from '../../shared/logOptions.js';
import { reflowed } from '../../shared/helpText.js';

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

export function defineLogsTail(tail: Command): Command {
  tail
    .description('print the last records of log families, and follow them with -f')
    .addArgument(sourcesArgument())
    .option('-n, --lines <count>', 'how many records (a traceback is one record)', '10')
    .option('-f, --follow', 'keep printing records as they are written, across rotation');
  return addLogOptions(tail).addHelpText('after', reflowed(EXAMPLES));
}
