import type { Command } from 'commander';
import { addSourceOptions } from '../../shared/sourceOptions.js';
import { addSnapshotOutputOptions, SOURCES_TEXT } from '../snapshotOptions.js';
import { reflowed } from '../../shared/helpText.js';

const COLLECT_HELP = `
Examples:
  $ smsmon metrics collect                         # system + logs (+ database when configured)
  $ smsmon metrics collect --db postgres://monitor@db/sms --json
  $ smsmon metrics collect --no-system --no-database --dir /srv/app/logs --ndjson

${SOURCES_TEXT}
Exit: 0 every source answered, 2 usage or bad config, 3 a source failed (the rest is printed).`;

export function defineMetricsCollect(collect: Command): Command {
  return addSnapshotOutputOptions(
    addSourceOptions(collect.description('print one snapshot of every metric')),
  ).addHelpText('after', reflowed(COLLECT_HELP));
}
