import type { CommandNode, OptionNode } from './commandNode.js';

/** A command's options, and smsmon's own that take a value (--config), which commander reads anywhere. */
export function optionsAt(node: CommandNode, root: CommandNode): readonly OptionNode[] {
  if (node === root) return node.options;
  return [...node.options, ...root.options.filter((option) => option.value)];
}

/** Words of a command path as a shell writes them: 'logs tail'. */
export function pathText(node: CommandNode): string {
  return node.path.join(' ');
}

/** A POSIX shell word in single quotes: 'it'\''s'. */
export function singleQuoted(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}
