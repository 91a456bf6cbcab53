import type { Command } from 'commander';

export function defineErrors(errors: Command): Command {
  return errors.description('count and compare error types in errors.log and friends');
}
