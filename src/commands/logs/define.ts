import type { Command } from 'commander';
import { registerLogsSearch } from './search/define.js';
import { registerLogsTail } from './tail/define.js';

export function registerLogs(program: Command): void {
  const logs = program
    .command('logs')
    .description('tail, follow and search app.log, errors.log and sms.log with their rotated siblings');
  registerLogsTail(logs);
  registerLogsSearch(logs);
}
