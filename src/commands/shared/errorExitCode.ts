import type { Command } from 'commander';

/**
 * The exit code of every error that is not a command's result — a bad option, a bad config, an
 * internal failure — for commands that need one code for all of them. Such a command is a Nagios
 * plugin (`health`), where 2 means CRITICAL and anything that kept the check from running is 3,
 * UNKNOWN. Other commands keep their codes (2 usage, 3 unreadable source, 70 internal error).
 */
const codes = new WeakMap<Command, number>();

export function setErrorExitCode(command: Command, code: number): Command {
  codes.set(command, code);
  return command;
}

/** The code set on the command or its nearest parent, else undefined. */
export function errorExitCodeOf(command: Command | undefined): number | undefined {
  for (let at: Command | null | undefined = command; at; at = at.parent) {
    const code = codes.get(at);
    if (code !== undefined) return code;
  }
  return undefined;
}
