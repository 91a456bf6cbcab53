import type { Command } from 'commander';
import { ExitCode } from '../../core/errors.js';
import { COMPLETION_SCRIPTS } from '../../completion/shells.js';
import { Output } from '../../sinks/output.js';
import { commandTree } from '../commandTree.js';
import { resultStream } from '../shared/quiet.js';

export async function runCompletion(
  shell: string,
  options: { quiet?: boolean },
  command: Command,
): Promise<number> {
  const program = command.parent ?? command;
  const output = new Output(resultStream(options));
  output.write(COMPLETION_SCRIPTS[shell]!(commandTree(program)));
  await output.flush();
  return ExitCode.Ok;
}
