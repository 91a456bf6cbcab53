import type { CommandNode } from './commandNode.js';
import { bashScript } from './bashScript.js';

/** zsh runs the bash script through its bashcompinit, which emulates complete and compgen. */
export function zshScript(root: CommandNode): string {
  return [
    '#compdef smsmon',
    '# zsh completion for smsmon: the bash script, through the bashcompinit of zsh.',
    '# Use, after compinit in ~/.zshrc: source <(smsmon completion zsh)',
    'autoload -U +X bashcompinit && bashcompinit',
    '',
    bashScript(root),
  ].join('\n');
}
