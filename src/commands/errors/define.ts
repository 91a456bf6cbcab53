import type { Command } from 'commander';
import { reflowed } from '../shared/helpText.js';

const ERRORS_HELP = `
Examples:
  $ smsmon errors count                            # error types in errors.log and its rotated files
  $ smsmon errors count --since 1d --compare 1d    # today against yesterday; NEW marks new types
  $ smsmon errors count --by type,hour --since 6h
Exit: see each subcommand.`;

export function defineErrors(errors: Command): Command {
  return errors
    .description('count and compare error types in errors.log and friends')
    .addHelpText('after', reflowed(ERRORS_HELP));
}
