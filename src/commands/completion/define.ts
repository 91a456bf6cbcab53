import { Argument, type Command } from 'commander';
import { SHELL_NAMES } from '../../completion/shells.js';
import { colorOption, noColorOption } from '../shared/colour.js';
import { quietOption } from '../shared/quiet.js';
import { reflowed } from '../shared/helpText.js';

const HELP = `
Examples:
  $ source <(smsmon completion bash)                # this shell; put it in ~/.bashrc to keep it
  $ smsmon completion bash > ~/.local/share/bash-completion/completions/smsmon
  $ source <(smsmon completion zsh)                 # in ~/.zshrc, after compinit
  $ smsmon completion fish > ~/.config/fish/completions/smsmon.fish

The script is written from smsmon's own command definitions: commands, options, families, --by
keys and the other values an option knows; paths where an option or operand takes one.
Exit: 0 printed, 2 usage (an unknown shell).`;

export function defineCompletion(completion: Command): Command {
  return completion
    .description(`print a shell completion script: ${SHELL_NAMES.join(', ')}`)
    .addArgument(new Argument('<shell>', 'the shell').choices(SHELL_NAMES))
    .addOption(colorOption('none'))
    .addOption(noColorOption())
    .addOption(quietOption())
    .addHelpText('after', reflowed(HELP));
}
