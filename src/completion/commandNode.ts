/**
 * The command line's shape as plain data, read once from the commander definitions
 * (commands/commandTree.ts): what the completion scripts and the manual page are written from.
 */
export interface CommandNode {
  /** The words after `smsmon`: [] for smsmon itself, ['logs', 'tail']. */
  readonly path: readonly string[];
  readonly description: string;
  /** Commander's usage line: '[options] [sources...]'. */
  readonly usage: string;
  readonly options: readonly OptionNode[];
  readonly operands: readonly OperandNode[];
  readonly subcommands: readonly CommandNode[];
  /** The help text after the options: examples, notes, exit codes. */
  readonly helpAfter: string;
}

export interface OptionNode {
  /** Short and long spellings: ['-d', '--dir'], ['--no-color']. */
  readonly names: readonly string[];
  /** As written in the help: '-d, --dir <dir>'. */
  readonly flags: string;
  readonly description: string;
  /** Undefined for a switch. */
  readonly value?: ValueNode;
}

export interface OperandNode {
  /** As written in the usage: '[sources...]'. */
  readonly text: string;
  readonly description: string;
  readonly value: ValueNode;
}

/** What a value may be, as far as a shell can offer it. */
export interface ValueNode {
  /** The known words (a closed set, or the common ones beside paths). */
  readonly words: readonly string[];
  /** Several words joined with commas: --by type,hour. */
  readonly commaList: boolean;
  /** Whether paths are offered too. */
  readonly paths: 'file' | 'dir' | 'none';
}

/** Every command below and including this one, parents first. */
export function allCommands(node: CommandNode): CommandNode[] {
  return [node, ...node.subcommands.flatMap(allCommands)];
}
