import { InvalidArgumentError, Option, type Command } from 'commander';
import type { TableWidth } from '../../sinks/fitTable.js';

/** The narrowest --width: a table's borders and a few cells. */
const MIN_WIDTH = 20;
/** A terminal that does not say how wide it is. */
const DEFAULT_COLUMNS = 80;

export interface TableWidthOptions {
  width?: number;
  wide?: boolean;
}

/** --width N: every command that draws a table takes it, with wideOption(). */
export function widthOption(): Option {
  return new Option(
    '--width <columns>',
    "fit tables in N columns (default: the terminal's width; no limit in a pipe)",
  ).argParser(parseWidth);
}

export function wideOption(): Option {
  return new Option('--wide', 'draw tables whole: no cell cut, no column left out').conflicts('width');
}

export function addTableWidthOptions(command: Command): Command {
  return command.addOption(widthOption()).addOption(wideOption());
}

function parseWidth(text: string): number {
  const value = Number(text.trim());
  if (!/^\d+$/.test(text.trim()) || value < MIN_WIDTH)
    throw new InvalidArgumentError(`expected a number of columns, at least ${MIN_WIDTH}`);
  return value;
}

/**
 * The room a table has: --wide none and nothing cut; --width N; else a terminal's columns (80 when
 * it reports none) and no limit off a terminal, where a pipe or a file takes lines of any length.
 */
export function tableWidthOf(
  options: TableWidthOptions,
  stdout: { isTTY?: boolean; columns?: number } = process.stdout,
): TableWidth {
  if (options.wide) return { limit: Infinity, wide: true };
  if (options.width !== undefined) return { limit: options.width, wide: false };
  if (stdout.isTTY !== true) return { limit: Infinity, wide: false };
  const columns = stdout.columns ?? 0;
  return { limit: columns > 0 ? columns : DEFAULT_COLUMNS, wide: false };
}
