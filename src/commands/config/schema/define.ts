import type { Command } from 'commander';
import { CONFIG_FILE_NAME } from '../../../core/configName.js';
import { colorOption, noColorOption } from '../../shared/colour.js';
import { quietOption } from '../../shared/quiet.js';
import { reflowed } from '../../shared/helpText.js';

const SCHEMA_HELP = `
Examples:
  $ smsmon config schema > smsmon.schema.json
  $ smsmon config schema | jq '.properties.database'

Prints the JSON Schema (draft 2020-12) of ${CONFIG_FILE_NAME}, as it may be written: keys with a
default are optional, and each default is given.
Exit: 0 ok, 2 usage.`;

export function defineConfigSchema(schema: Command): Command {
  return schema
    .description(`print the JSON Schema of ${CONFIG_FILE_NAME}`)
    .addOption(colorOption('none'))
    .addOption(quietOption())
    .addOption(noColorOption())
    .addHelpText('after', reflowed(SCHEMA_HELP));
}
