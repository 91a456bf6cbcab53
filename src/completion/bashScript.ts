import { allCommands, type CommandNode, type OptionNode, type ValueNode } from './commandNode.js';
import { optionsAt, pathText, singleQuoted } from './shellWords.js';

/**
 * A bash completion script: the command tree as case tables,
 * read by one function that walks the words before the cursor. A command path is the
 * subcommand words so far ('' for smsmon itself, 'logs tail'); an option that takes a value
 * makes the next word its value.
 */
export function bashScript(root: CommandNode): string {
  const commands = allCommands(root);
  const table = (name: string, rows: [string, string][], why: string): string =>
    [
      `# ${why}`,
      `${name}() {`,
      '  case $1 in',
      ...rows
        .filter(([, words]) => words !== '')
        .map(([key, words]) => `    ${singleQuoted(key)}) _smsmon_reply=${singleQuoted(words)} ;;`),
      '    *) _smsmon_reply= ;;',
      '  esac',
      '}',
    ].join('\n');
  const optionNames = (pick: (option: OptionNode) => boolean): [string, string][] =>
    commands.map((node) => [
      pathText(node),
      optionsAt(node, root)
        .filter(pick)
        .flatMap((o) => o.names)
        .join(' '),
    ]);
  return [
    '# bash completion for smsmon, written by `smsmon completion bash` from its command definitions.',
    '# Use: source <(smsmon completion bash), or save it as ~/.local/share/bash-completion/completions/smsmon',
    '',
    table(
      '_smsmon_subcommands',
      commands.map((node) => [pathText(node), node.subcommands.map((sub) => sub.path.at(-1)!).join(' ')]),
      'The subcommands of a command path.',
    ),
    table(
      '_smsmon_options',
      optionNames(() => true),
      'Every option of a command path.',
    ),
    table(
      '_smsmon_valued_options',
      optionNames((option) => option.value !== undefined),
      'The options of a command path that take a value.',
    ),
    valuesTable(commands, root),
    FUNCTIONS,
    '',
  ].join('\n');
}

/** What is offered for the value of 'path|--option', or for an operand of 'path|'. */
function valuesTable(commands: readonly CommandNode[], root: CommandNode): string {
  const rows: string[] = [];
  const add = (keys: string[], value: ValueNode): void => {
    if (value.words.length === 0 && value.paths === 'none') return;
    const settings = [
      `_smsmon_reply=${singleQuoted(value.words.join(' '))}`,
      ...(value.commaList ? ['_smsmon_list=1'] : []),
      ...(value.paths === 'none' ? [] : [`_smsmon_paths=${value.paths}`]),
    ];
    rows.push(`    ${keys.map(singleQuoted).join('|')}) ${settings.join(' ')} ;;`);
  };
  for (const node of commands) {
    const path = pathText(node);
    for (const option of optionsAt(node, root))
      if (option.value)
        add(
          option.names.map((name) => `${path}|${name}`),
          option.value,
        );
    const operand = node.operands[0];
    if (operand) add([`${path}|`], operand.value);
  }
  return [
    '# The value of an option (path|--option) or an operand (path|): words, a comma list, paths.',
    '_smsmon_values() {',
    '  _smsmon_reply= _smsmon_list= _smsmon_paths=',
    '  case $1 in',
    ...rows,
    '  esac',
    '}',
  ].join('\n');
}

const FUNCTIONS = `
# Offers $_smsmon_reply (after the last comma of a comma list) and paths for $cur.
_smsmon_offer() {
  local prefix= line
  if [[ -n $_smsmon_list && $cur == *,* ]]; then
    prefix=\${cur%,*},
    cur=\${cur##*,}
  fi
  while IFS= read -r line; do
    # Hidden files only when asked for, as readline does.
    [[ -z $line || ($line == .* && $cur != .*) ]] || COMPREPLY+=("$line")
  done < <(
    compgen -P "$prefix" -W "$_smsmon_reply" -- "$cur"
    case $_smsmon_paths in
      file) compgen -f -- "$cur" ;;
      dir) compgen -d -- "$cur" ;;
    esac
  )
  if [[ -n $_smsmon_paths ]] && type compopt >/dev/null 2>&1; then compopt -o filenames 2>/dev/null; fi
}

_smsmon_complete() {
  local cur=\${COMP_WORDS[COMP_CWORD]} at= word option= skip= i
  local _smsmon_reply= _smsmon_list= _smsmon_paths=
  COMPREPLY=()
  for ((i = 1; i < COMP_CWORD; i++)); do
    word=\${COMP_WORDS[i]}
    if [[ -n $skip ]]; then
      # bash splits --by=type into --by, =, type.
      [[ $word == = ]] || skip=
      continue
    fi
    case $word in
      -*=*) ;;
      -*)
        _smsmon_valued_options "$at"
        [[ " $_smsmon_reply " == *" $word "* ]] && skip=1 option=$word
        ;;
      *)
        _smsmon_subcommands "$at"
        [[ " $_smsmon_reply " == *" $word "* ]] && at=\${at:+$at }$word
        ;;
    esac
  done
  [[ $cur == = ]] && cur=
  if [[ -n $skip ]]; then
    _smsmon_values "$at|$option"
  elif [[ $cur == -* ]]; then
    _smsmon_options "$at"
  else
    _smsmon_subcommands "$at"
    local subcommands=$_smsmon_reply
    _smsmon_values "$at|"
    _smsmon_reply="$subcommands $_smsmon_reply"
  fi
  _smsmon_offer
}

complete -F _smsmon_complete smsmon`;
