import type { Command } from 'commander';
import { CONFIG_FILE_NAME, configFor, type LoadedConfig } from '../../../core/config.js';
import { spoolPath } from '../../../core/configSchema.js';
import { ExitCode } from '../../../core/errors.js';
import { redactSecrets } from '../../../core/redact.js';
import type { ShowOptions } from './options.js';
import { writeNotice } from '../../../sinks/notice.js';
import { printJson } from '../printJson.js';

export async function runShow(options: ShowOptions, command: Command): Promise<number> {
  const loaded = await configFor(command);
  const { config, source, fromEnv } = loaded;
  const effective = redactSecrets({
    ...config,
    spool: { ...config.spool, path: spoolPath(config, process.env) },
  });
  await printJson(options.json ? { source: source ?? null, fromEnv, config: effective } : effective, options);
  if (!options.json && !options.quiet && process.stdout.isTTY === true) writeNotice(originLine(loaded));
  return ExitCode.Ok;
}

/** "from /srv/app/smsmon.config.json and DATABASE_URL" */
function originLine({ source, fromEnv }: LoadedConfig): string {
  const file = source ?? `defaults (no ${CONFIG_FILE_NAME})`;
  return `from ${[file, ...fromEnv].join(', ')}`;
}
