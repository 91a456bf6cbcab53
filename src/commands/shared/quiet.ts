import { Option } from 'commander';
import type { Writable } from 'node:stream';
import { discardedOutput } from '../../sinks/discardedOutput.js';

export const QUIET_HELP = 'nothing on stdout: the exit code says how it went; problems still on stderr';

/** -q, --quiet: every command that prints a result takes it, with one meaning. */
export function quietOption(help: string = QUIET_HELP): Option {
  return new Option('-q, --quiet', help);
}

/** stdout, or nowhere with --quiet. */
export function resultStream(options: { quiet?: boolean }): Writable {
  return options.quiet ? discardedOutput() : process.stdout;
}
