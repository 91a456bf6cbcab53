import type { CommandNode } from './commandNode.js';
import { bashScript } from './bashScript.js';

/** zsh runs the bash script through its bashcompinit, which emulates complete and compgen. */
export function zshScript(root: CommandNode): string {
  return [
    '#compdef smsmon',
    '# zsh completion for smsmon: the bash script, through the bashcompinit of zsh.',
    '# Use, after compinit in ~/.zshrc: source <(smsmon completion zsh); or save it as _smsmon in $fpath',
    'autoload -U +X bashcompinit && bashcompinit',
    '',
    bashScript(root).trimEnd(),
    '',
    '# Saved as _smsmon in $fpath, compinit runs this file at the first Tab: complete that one too.',
    'if [[ ${funcstack[1]-} == _smsmon ]]; then _bash_complete -F _smsmon_complete; fi',
    '',
  ].join('\n');
}
