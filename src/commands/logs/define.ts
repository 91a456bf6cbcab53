import type { Command } from 'commander';
import { registerLogsSearch } from './logsSearch.js';
import { registerLogsTail } from './logsTail.js';

export function registerLogs(program: Command): void {
  const logs = program
    .command('logs')
    .description('tail, follow and search app.log, errors.log and sms.log with their rotated siblings');
  registerLogsTail(logs);
  registerLogsSearch(logs);
}
