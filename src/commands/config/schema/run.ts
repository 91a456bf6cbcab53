import { configJsonSchema } from '../../../core/config.js';
import { ExitCode } from '../../../core/errors.js';
import { printJson } from '../printJson.js';

export async function runSchema(options: { quiet?: boolean }): Promise<number> {
  await printJson(configJsonSchema(), options);
  return ExitCode.Ok;
}
