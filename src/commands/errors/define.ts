import type { Command } from 'commander';
import { registerErrorsCount } from './errorsCount.js';

export function registerErrors(program: Command): void {
  const errors = program
    .command('errors')
    .description('count and compare error types in errors.log and friends');
  registerErrorsCount(errors);
}
