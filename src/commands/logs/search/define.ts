import type { Command } from 'commander';
import { addLogOptions, sourcesArgument } from '../../shared/logOptions.js';
import { reflowed } from '../../shared/helpText.js';

const EXAMPLES = `
Examples:
  $ smsmon logs search --level ERROR                     # replaces: grep ERROR logs/app.log
  $ smsmon logs search errors --since 2h -i --grep twilio
  $ smsmon logs search sms --fields time,message          # replaces: jq '.message' logs/sms.log
  $ smsmon logs search app sms --since 2024-01-20T16:00 --until 2024-01-20T17:00 --ndjson
  $ zcat old.log.gz | smsmon logs search - --level WARNING+

Every file of the family is read, oldest first (app.log.10 … app.log.1, app.log, .gz too);
a traceback stays in its record. Exit: 0 matches, 1 no match, 2 usage, 3 unreadable source.`;

/** Its options are the shared LogCommandOptions. */
export function defineLogsSearch(search: Command): Command {
  search
    .description('scan whole log families (every rotated file) and print the matching records')
    .addArgument(sourcesArgument());
  return addLogOptions(search).addHelpText('after', reflowed(EXAMPLES));
}
