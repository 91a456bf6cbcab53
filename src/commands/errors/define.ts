import type { Command } from 'commander';
import { registerErrorsCount } from './count/define.js';

export function registerErrors(program: Command): void {
  const errors = program
    .command('errors')
    .description('count and compare error types in errors.log and friends');
  registerErrorsCount(errors);
}
