import type { Command } from 'commander';
import { colorOption, noColorOption } from '../../shared/colour.js';
import { WHERE } from '../where.js';
import { quietOption } from '../../shared/quiet.js';
import { reflowed } from '../../shared/helpText.js';

const SHOW_HELP = `
Examples:
  $ smsmon config show
  $ DATABASE_URL=postgres://app:pw@db/sms smsmon config show   # password printed as ***
  $ smsmon config show --json | jq .source

Prints JSON on stdout: the config after defaults and environment, with passwords in URLs, webhook
paths and password/secret/token keys replaced by ***. spool.path is shown resolved. On a terminal,
the file and variables it came from follow on stderr; --json puts them in the document instead.
${WHERE}
Exit: 0 ok, 2 usage or a bad config file.`;

export function defineConfigShow(show: Command): Command {
  return show
    .description('print the effective config as JSON, secrets hidden')
    .option('--json', 'print {"source", "fromEnv", "config"} instead of the config alone')
    .addOption(colorOption('none'))
    .addOption(quietOption())
    .addOption(noColorOption())
    .addHelpText('after', reflowed(SHOW_HELP));
}
