import { allCommands, type CommandNode, type ValueNode } from './commandNode.js';
import { optionsAt, pathText, singleQuoted } from './shellWords.js';

/**
 * A zsh completion function, _smsmon, with descriptions: the command tree as associative arrays
 * keyed by command path ('' for smsmon itself, 'logs tail'), read by one function that walks the
 * words before the cursor as the bash script does. Sourced, it registers itself with compdef;
 * saved as _smsmon in $fpath, compinit runs the file at the first Tab, which it then completes.
 */
export function zshScript(root: CommandNode): string {
  const commands = allCommands(root);
  const entries = (name: string, rows: [string, string][]): string =>
    [
      `typeset -gA ${name}=(`,
      ...rows
        .filter(([, value]) => value !== '')
        .map(([key, value]) => `  ${singleQuoted(key)} ${singleQuoted(value)}`),
      ')',
    ].join('\n');
  return [
    '#compdef smsmon',
    '# zsh completion for smsmon, written by `smsmon completion zsh` from its command definitions.',
    '# Use, after compinit in ~/.zshrc: source <(smsmon completion zsh); or save it as _smsmon in $fpath',
    '',
    '# Per command path: subcommands and options as name:description lines, the options that take a value.',
    entries(
      '_smsmon_commands',
      commands.map((node) => [
        pathText(node),
        described(node.subcommands.map((sub) => [sub.path.at(-1)!, sub.description])),
      ]),
    ),
    entries(
      '_smsmon_options',
      commands.map((node) => [
        pathText(node),
        described(
          optionsAt(node, root).flatMap((o) =>
            o.names.map((name): [string, string] => [name, o.description]),
          ),
        ),
      ]),
    ),
    entries(
      '_smsmon_valued',
      commands.map((node) => [
        pathText(node),
        optionsAt(node, root)
          .filter((o) => o.value)
          .flatMap((o) => o.names)
          .join(' '),
      ]),
    ),
    '# The value of path|--option, or an operand of path|: "comma-list:paths:words".',
    entries('_smsmon_values', valueRows(commands, root)),
    FUNCTIONS,
    '',
  ].join('\n');
}

/** name:description lines for _describe, whose separator is the first unescaped colon. */
function described(items: [string, string][]): string {
  return items
    .map(([name, description]) => `${name.replaceAll(':', '\\:')}:${description.replaceAll('\n', ' ')}`)
    .join('\n');
}

function valueRows(commands: readonly CommandNode[], root: CommandNode): [string, string][] {
  const row = (key: string, value: ValueNode): [string, string] => [
    key,
    value.words.length === 0 && value.paths === 'none'
      ? ''
      : `${value.commaList ? 'list' : ''}:${value.paths}:${value.words.join(' ')}`,
  ];
  return commands.flatMap((node) => [
    ...optionsAt(node, root).flatMap((o) =>
      o.value ? o.names.map((name) => row(`${pathText(node)}|${name}`, o.value!)) : [],
    ),
    ...(node.operands[0] ? [row(`${pathText(node)}|`, node.operands[0].value)] : []),
  ]);
}

const FUNCTIONS = `
# Offers the value of $1 (path|--option, or path| for an operand): its words, then paths.
_smsmon_value() {
  local spec=\${_smsmon_values[$1]-}
  [[ -z $spec ]] && return 1
  local list=\${spec%%:*} rest=\${spec#*:}
  local paths=\${rest%%:*} words=\${rest#*:}
  local -a offered=(\${=words})
  [[ -n $list ]] && compset -P '*,'
  (( $#offered )) && compadd -- $offered
  case $paths in
    file) _files ;;
    dir) _files -/ ;;
  esac
}

_smsmon() {
  local at= word option= skip= i
  for (( i = 2; i < CURRENT; i++ )); do
    word=$words[i]
    if [[ -n $skip ]]; then
      skip=
      continue
    fi
    case $word in
      -*=*) ;;
      -*) (( \${\${=_smsmon_valued[$at]-}[(Ie)$word]} )) && skip=1 option=$word ;;
      *) (( \${\${(f)_smsmon_commands[$at]-}[(I)$word:*]} )) && at=\${at:+$at }$word ;;
    esac
  done
  if [[ -n $skip ]]; then
    _smsmon_value "$at|$option"
  elif [[ $PREFIX == -*=* ]]; then
    option=\${PREFIX%%=*}
    compset -P '*='
    _smsmon_value "$at|$option"
  elif [[ $PREFIX == -* ]]; then
    local -a options=(\${(f)_smsmon_options[$at]-})
    _describe -t options option options
  else
    local -a subcommands=(\${(f)_smsmon_commands[$at]-})
    (( $#subcommands )) && _describe -t commands command subcommands
    _smsmon_value "$at|"
  fi
}

if [[ \${funcstack[1]-} == _smsmon ]]; then
  _smsmon "$@"
else
  compdef _smsmon smsmon
fi`;
