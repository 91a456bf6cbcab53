import type { Command } from 'commander';
import { reflowed } from '../shared/helpText.js';

const LOGS_HELP = `
Examples:
  $ smsmon logs tail errors -f                     # follow errors.log across rotation
  $ smsmon logs tail -n 20 --level WARNING+        # the last 20 records of app.log
  $ smsmon logs search --since 2h -i --grep twilio # every rotated file of app.log
  $ smsmon logs search sms --fields time,message --ndjson
Exit: see each subcommand.`;

export function defineLogs(logs: Command): Command {
  return logs
    .description('tail, follow and search app.log, errors.log and sms.log with their rotated siblings')
    .addHelpText('after', reflowed(LOGS_HELP));
}
