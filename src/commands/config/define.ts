import type { Command } from 'commander';
import { CONFIG_FILE_NAME } from '../../core/configName.js';
import { WHERE } from './where.js';
import { reflowed } from '../shared/helpText.js';

const CONFIG_HELP = `
Examples:
  $ smsmon config show                           # the effective config, secrets hidden
  $ smsmon --config /etc/smsmon.json config show
  $ smsmon config schema > smsmon.schema.json    # then "$schema": "./smsmon.schema.json" in the file

${WHERE}
Exit: 0 ok, 2 usage or a bad config file (one line naming the file or variable and the key).`;

export function defineConfig(config: Command): Command {
  return config
    .description(`show the effective configuration (${CONFIG_FILE_NAME} + environment) and its schema`)
    .addHelpText('after', reflowed(CONFIG_HELP));
}
