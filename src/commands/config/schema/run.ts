import { configJsonSchema } from '../../../core/config.js';
import { ExitCode } from '../../../core/errors.js';
import { printJson } from '../printJson.js';

export async function runSchema(): Promise<number> {
  await printJson(configJsonSchema());
  return ExitCode.Ok;
}
