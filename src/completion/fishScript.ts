import { allCommands, type CommandNode, type OptionNode, type ValueNode } from './commandNode.js';
import { optionsAt, pathText } from './shellWords.js';

/**
 * A fish completion script: `complete -c smsmon` lines, each under the condition that the words
 * so far name its command path. The path is found by walking the words as the CLI does (an
 * option that takes a value makes the next word its value), so a family named like a command
 * (`logs tail errors`) is not taken for one.
 */
export function fishScript(root: CommandNode): string {
  const commands = allCommands(root);
  const children = commands.flatMap((node) =>
    node.subcommands.map((sub) => `${pathText(node)}|${sub.path.at(-1)}`),
  );
  const valued = commands.flatMap((node) =>
    optionsAt(node, root)
      .filter((o) => o.value)
      .flatMap((o) => o.names.map((name) => `${pathText(node)}|${name}`)),
  );
  const lines = commands.flatMap((node) => commandLines(node, root));
  return [
    '# fish completion for smsmon, written by `smsmon completion fish` from its command definitions.',
    '# Use: smsmon completion fish > ~/.config/fish/completions/smsmon.fish',
    '',
    `set -g __smsmon_children ${children.map(fishQuoted).join(' ')}`,
    `set -g __smsmon_valued ${valued.map(fishQuoted).join(' ')}`,
    '',
    PATH_FUNCTIONS,
    '',
    'complete -c smsmon -e',
    ...lines,
    '',
  ].join('\n');
}

function commandLines(node: CommandNode, root: CommandNode): string[] {
  const at = `-n ${fishQuoted(`__smsmon_at ${fishQuoted(pathText(node))}`)}`;
  const operand = node.operands[0]?.value;
  return [
    // Files only where an operand may be one.
    ...(operand?.paths === 'file' ? [] : [`complete -c smsmon ${at} -f`]),
    ...node.subcommands.map(
      (sub) =>
        `complete -c smsmon ${at} -a ${fishQuoted(sub.path.at(-1)!)} -d ${fishQuoted(sub.description)}`,
    ),
    ...(operand && operand.words.length > 0
      ? [`complete -c smsmon ${at} -a ${fishQuoted(operand.words.join(' '))}`]
      : []),
    ...optionsAt(node, root).map((option) => `complete -c smsmon ${at} ${optionArguments(option)}`),
  ];
}

function optionArguments(option: OptionNode): string {
  const names = option.names.map((name) =>
    name.startsWith('--') ? `-l ${name.slice(2)}` : `-s ${name.slice(1)}`,
  );
  return [
    ...names,
    ...valueArguments(option.value),
    '-d',
    fishQuoted(firstSentence(option.description)),
  ].join(' ');
}

function valueArguments(value: ValueNode | undefined): string[] {
  if (!value) return [];
  if (value.paths === 'dir') return ['-x', '-a', "'(__fish_complete_directories)'"];
  const words = value.words.join(' ');
  if (value.commaList) return ['-x', '-a', fishQuoted(`(__fish_append , ${words})`)];
  if (words) return [value.paths === 'file' ? '-r' : '-x', '-a', fishQuoted(words)];
  return value.paths === 'file' ? ['-r', '-F'] : ['-x'];
}

/** The description up to its first parenthesis: fish shows it in one column. */
function firstSentence(text: string): string {
  const cut = text.indexOf(' (');
  return cut > 0 ? text.slice(0, cut) : text;
}

/** A fish word in single quotes, where only \ and ' are special. */
function fishQuoted(text: string): string {
  return `'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
}

const PATH_FUNCTIONS = String.raw`# The command path of the words before the cursor: '' for smsmon itself, 'logs tail'.
function __smsmon_path
    set -l at ''
    set -l skip 0
    for word in (commandline -opc)[2..-1]
        if test $skip = 1
            set skip 0
        else if string match -q -- '-*=*' $word
        else if string match -q -- '-*' $word
            contains -- "$at|$word" $__smsmon_valued; and set skip 1
        else if contains -- "$at|$word" $__smsmon_children
            set at (string trim -- "$at $word")
        end
    end
    echo $at
end

function __smsmon_at
    set -l at (__smsmon_path)
    test "$at" = "$argv[1]"
end`;
