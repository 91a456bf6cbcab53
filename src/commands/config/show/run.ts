import { CONFIG_FILE_NAME, configJsonSchema, type LoadedConfig } from '../../../core/config.js';
import { spoolPath } from '../../../core/configSchema.js';
import { ExitCode } from '../../../core/errors.js';
import { redactSecrets } from '../../../core/redact.js';
import { Output } from '../../../sinks/output.js';
import type { ShowOptions } from '../define.js';
import { writeNotice } from '../../../sinks/notice.js';

export async function runShow(loaded: LoadedConfig, options: ShowOptions): Promise<number> {
  const { config, source, fromEnv } = loaded;
  const effective = redactSecrets({
    ...config,
    spool: { ...config.spool, path: spoolPath(config, process.env) },
  });
  await print(options.json ? { source: source ?? null, fromEnv, config: effective } : effective);
  if (!options.json && process.stdout.isTTY === true) writeNotice(originLine(loaded));
  return ExitCode.Ok;
}

/** "from /srv/app/smsmon.config.json and DATABASE_URL" */
function originLine({ source, fromEnv }: LoadedConfig): string {
  const file = source ?? `defaults (no ${CONFIG_FILE_NAME})`;
  return `from ${[file, ...fromEnv].join(', ')}`;
}

export async function runSchema(): Promise<number> {
  await print(configJsonSchema());
  return ExitCode.Ok;
}

async function print(value: unknown): Promise<void> {
  const output = new Output();
  output.write(`${JSON.stringify(value, null, 2)}\n`);
  await output.flush();
}
