import type { Command } from 'commander';
import { CONFIG_FILE_NAME } from '../../core/configName.js';
import { colorOption } from '../shared/colour.js';

const WHERE = `The file is --config PATH, else $SMSMON_CONFIG, else ./${CONFIG_FILE_NAME} if it exists;
without one every key has its default. DATABASE_URL, REDIS_URL, SMSMON_* and SMSMON__SECTION__KEY
environment variables override the file (see the README).`;

const CONFIG_HELP = `
Examples:
  $ smsmon config show                           # the effective config, secrets hidden
  $ smsmon --config /etc/smsmon.json config show
  $ smsmon config schema > smsmon.schema.json    # then "$schema": "./smsmon.schema.json" in the file

${WHERE}
Exit: 0 ok, 2 usage or a bad config file (one line naming the file or variable and the key).`;

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

const SCHEMA_HELP = `
Examples:
  $ smsmon config schema > smsmon.schema.json
  $ smsmon config schema | jq '.properties.database'

Prints the JSON Schema (draft 2020-12) of ${CONFIG_FILE_NAME}, as it may be written: keys with a
default are optional, and each default is given.
Exit: 0 ok, 2 usage.`;

export interface ShowOptions {
  json?: boolean;
}

export function registerConfig(program: Command): void {
  const config = program
    .command('config')
    .description(`show the effective configuration (${CONFIG_FILE_NAME} + environment) and its schema`)
    .addHelpText('after', CONFIG_HELP);
  config
    .command('show')
    .description('print the effective config as JSON, secrets hidden')
    .option('--json', 'print {"source", "fromEnv", "config"} instead of the config alone')
    .addOption(colorOption('none'))
    .addHelpText('after', SHOW_HELP)
    .action(async (options: ShowOptions, command: Command) => {
      const { runShow } = await import('./show/run.js');
      const { configFor } = await import('../../core/config.js');
      process.exitCode = await runShow(await configFor(command), options);
    });
  config
    .command('schema')
    .description(`print the JSON Schema of ${CONFIG_FILE_NAME}`)
    .addOption(colorOption('none'))
    .addHelpText('after', SCHEMA_HELP)
    .action(async () => {
      const { runSchema } = await import('./show/run.js');
      process.exitCode = await runSchema();
    });
}
