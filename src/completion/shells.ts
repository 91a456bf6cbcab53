import type { CommandNode } from './commandNode.js';
import { bashScript } from './bashScript.js';
import { fishScript } from './fishScript.js';
import { zshScript } from './zshScript.js';

/** A completion script per shell: adding a shell is adding an entry. */
export const COMPLETION_SCRIPTS: Readonly<Record<string, (root: CommandNode) => string>> = {
  bash: bashScript,
  zsh: zshScript,
  fish: fishScript,
};

export const SHELL_NAMES = Object.keys(COMPLETION_SCRIPTS);
