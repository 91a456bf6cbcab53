import type { Command } from 'commander';
import { UsageError } from '../core/errors.js';

/** --threads for the aggregate commands. */
export function addThreadsOption(command: Command): Command {
  return command.option(
    '--threads <n>',
    'threads reading the files of one family at once (default: auto, up to 4 when the machine has 4+ cores and the input is over 32 MiB; 1: none)',
  );
}

export function parseThreads(text: string | undefined): number | 'auto' {
  if (text === undefined || text === 'auto') return 'auto';
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 64)
    throw new UsageError(`bad --threads "${text}"; expected auto or a count from 1 to 64`);
  return n;
}
