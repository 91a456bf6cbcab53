import { Option, type Command } from 'commander';
import { GROUP_KEYS } from '../../../operators/errorGroups.js';
import { offerValues } from '../../shared/offeredValues.js';
import { addLogOptions, sourcesArgument, SOURCES_HELP } from '../../shared/logOptions.js';
import { addThreadsOption } from '../../shared/threadsOption.js';
import { addTableWidthOptions } from '../../shared/tableWidth.js';
import { reflowed } from '../../shared/helpText.js';

const EXAMPLES = `
Examples:
  $ smsmon errors count                               # error types in errors.log and its rotated files
  $ smsmon errors count --since 1d --compare 1d       # today against yesterday; NEW marks new types
  $ smsmon errors count --by type,hour --since 6h
  $ smsmon errors count --by template --top 20 --csv > templates.csv
  $ smsmon errors count --since 1h --fail-over 50 --fail-on RateLimitError -q   # cron / CI

A type is the class of the final exception of a record's traceback (chained exceptions count as
the last one raised), else "module: message template" with ids, numbers, phones, emails, UUIDs,
hex, durations, IPs and quoted values masked. The default source is the errors family: errors.log
already holds every ERROR and CRITICAL record, so adding app would count each of them twice.
Only ERROR and CRITICAL records count unless --level says otherwise.
Exit: 0 counted (also when there are none), 1 over --fail-over or a --fail-on type seen,
2 usage, 3 unreadable source.`;

export function defineErrorsCount(count: Command): Command {
  count
    .description('count error types (exception class or message template), not raw lines')
    .addArgument(sourcesArgument(SOURCES_HELP.replace('(default: app)', '(default: errors)')))
    .addOption(
      offerValues(new Option('--by <keys>', `group by ${GROUP_KEYS.join(', ')}; several with commas`), {
        words: GROUP_KEYS,
        commaList: true,
      }).default('type'),
    )
    .option('--qualified', 'exception classes with their module: openai.RateLimitError')
    .option('--top <n>', 'only the N largest groups')
    .option(
      '--compare <duration>',
      'also count the previous window of this length (1h, 1d) and mark new types',
    )
    .option('--fail-over <n>', 'exit 1 when more than N errors were counted')
    .option('--fail-on <type>', 'exit 1 when this error type occurs (repeatable)', (v, p: string[] = []) => [
      ...p,
      v,
    ]);
  return addTableWidthOptions(addThreadsOption(addLogOptions(count, { records: false }))).addHelpText(
    'after',
    reflowed(EXAMPLES),
  );
}
