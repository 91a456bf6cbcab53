import type { Command } from 'commander';
import { parseWholeNumber } from './wholeNumber.js';

/** --threads for the aggregate commands. */
export function addThreadsOption(command: Command): Command {
  return command.option(
    '--threads <n>',
    'threads reading the files of one family at once (default: auto, up to 4 when the machine has 4+ cores and the input is over 32 MiB; 1: none)',
  );
}

export function parseThreads(text: string | undefined): number | 'auto' {
  if (text === undefined || text === 'auto') return 'auto';
  return parseWholeNumber('--threads', text, 'auto or a count from 1 to 64', 1, 64);
}
