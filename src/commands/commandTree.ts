import type { EventEmitter } from 'node:events';
import type { Argument, Command, Option } from 'commander';
import type { CommandNode, OptionNode, ValueNode } from '../completion/commandNode.js';
import { offeredValuesOf } from './shared/offeredValues.js';

/** The commander definitions as plain data, for the completion scripts and the manual page. */
export function commandTree(command: Command, path: readonly string[] = []): CommandNode {
  const help = command.createHelp();
  return {
    path,
    description: command.description(),
    usage: command.usage(),
    options: help.visibleOptions(command).map((option) => optionNode(option, help.optionDescription(option))),
    operands: help.visibleArguments(command).map((argument) => ({
      text: operandText(argument),
      description: argument.description,
      value: operandValue(argument),
    })),
    subcommands: command.commands.map((sub) => commandTree(sub, [...path, sub.name()])),
    helpAfter: helpAfter(command),
  };
}

/** As the usage writes it: <shell>, [sources...]. */
function operandText(argument: Argument): string {
  const name = `${argument.name()}${argument.variadic ? '...' : ''}`;
  return argument.required ? `<${name}>` : `[${name}]`;
}

function optionNode(option: Option, description: string): OptionNode {
  const names = [option.short, option.long].filter((name): name is string => name !== undefined);
  const takesValue = option.required || option.optional;
  return { names, flags: option.flags, description, ...(takesValue ? { value: optionValue(option) } : {}) };
}

/** Paths where the value's name says so: <dir>, <path>, <file>. */
const PATH_VALUE_NAMES: Readonly<Record<string, ValueNode['paths']>> = {
  dir: 'dir',
  path: 'file',
  file: 'file',
};

function optionValue(option: Option): ValueNode {
  const valueName = /[<[]([^>\]]+)[>\]]/.exec(option.flags)?.[1] ?? '';
  return valueOf(option, PATH_VALUE_NAMES[valueName] ?? 'none');
}

function operandValue(argument: Argument): ValueNode {
  return valueOf(argument, 'none');
}

function valueOf(target: Option | Argument, paths: ValueNode['paths']): ValueNode {
  const offered = offeredValuesOf(target);
  return {
    words: offered?.words ?? target.argChoices ?? [],
    commaList: offered?.commaList ?? false,
    paths: offered?.paths ?? paths,
  };
}

/**
 * What addHelpText('after', …) adds, without printing it: commander keeps it as a listener of
 * 'afterHelp' (a Command is an EventEmitter, which its typings do not say).
 */
function helpAfter(command: Command): string {
  let text = '';
  // As written, whatever the terminal: reflowed() (shared/helpText.ts) wraps to the help's width.
  const { getOutHelpWidth } = command.configureOutput();
  command.configureOutput({ getOutHelpWidth: () => Infinity });
  try {
    (command as unknown as EventEmitter).emit('afterHelp', {
      error: false,
      command,
      write: (chunk: string) => (text += chunk),
    });
  } finally {
    command.configureOutput({ getOutHelpWidth });
  }
  return text;
}
