import type { Command } from 'commander';

export function defineLogs(logs: Command): Command {
  return logs.description(
    'tail, follow and search app.log, errors.log and sms.log with their rotated siblings',
  );
}
