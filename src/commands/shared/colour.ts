import { Option } from 'commander';

const COLOUR_HELP = {
  output: 'no colours (also when NO_COLOR is set or output is not a terminal)',
  /** top: its output is always a terminal. */
  terminal: 'no colours (also when NO_COLOR is set)',
  none: 'no colours (this command prints none; accepted like every command)',
} as const;

/** --no-color, which every command takes (`.addOption(colorOption())`), so a script can pass it to any. */
export function colorOption(output: keyof typeof COLOUR_HELP = 'output'): Option {
  return new Option('--no-color', COLOUR_HELP[output]);
}

/**
 * The one colour decision, made once per run: stdout is a terminal, no --no-color, and NO_COLOR
 * is unset or empty (no-color.org).
 */
export function colourWanted(
  options: { color?: boolean },
  stdout: { isTTY?: boolean } = process.stdout,
  env: NodeJS.ProcessEnv = process.env,
): boolean {
  return stdout.isTTY === true && options.color !== false && !env.NO_COLOR;
}
