import { InvalidArgumentError, Option } from 'commander';
import { offerValues } from './offeredValues.js';

const COLOUR_HELP = {
  output: 'colours: auto (a terminal, NO_COLOR unset), always (also through a pipe, for less -R) or never',
  /** top: its output is always a terminal. */
  terminal: 'colours: auto (NO_COLOR unset), always or never',
  none: 'accepted like every command; this one prints no colours',
} as const;

type ColourKind = keyof typeof COLOUR_HELP;
const WHEN = ['auto', 'always', 'never'] as const;
type When = (typeof WHEN)[number];
/** What commander leaves in `options.color`: --color[=WHEN] or --no-color. */
export type ColorFlag = boolean | When;

/**
 * --color[=WHEN] and --no-color, which every command takes (`.addOption(colorOption())
    .addOption(noColorOption())
 * .addOption(noColorOption())`), so a script can pass either to any. A bare --color is always, as ls.
 */
export function colorOption(kind: ColourKind = 'output'): Option {
  return offerValues(new Option('--color [when]', COLOUR_HELP[kind]).argParser(parseWhen), { words: WHEN });
}

export function noColorOption(): Option {
  return new Option('--no-color', 'the same as --color=never');
}

function parseWhen(value: string): When {
  if ((WHEN as readonly string[]).includes(value)) return value as When;
  throw new InvalidArgumentError(`expected ${WHEN.join(', ')}`);
}

/**
 * The one colour decision, made once per run. --color=always/never (--no-color) win; with auto,
 * FORCE_COLOR set (not 0) means always, as in Node, and otherwise colour needs stdout to be a
 * terminal and NO_COLOR unset or empty (no-color.org).
 */
export function colourWanted(
  options: { color?: ColorFlag },
  stdout: { isTTY?: boolean } = process.stdout,
  env: NodeJS.ProcessEnv = process.env,
): boolean {
  const { color } = options;
  if (color === false || color === 'never') return false;
  if (color === true || color === 'always') return true;
  const forced = env.FORCE_COLOR;
  if (forced !== undefined && forced !== '') return forced !== '0' && forced !== 'false';
  return stdout.isTTY === true && !env.NO_COLOR;
}
