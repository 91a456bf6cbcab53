import { fstatSync } from 'node:fs';

/**
 * Whether a spinner may be drawn on stderr (ora): stderr a terminal that reports a width (ora
 * redraws in a loop at 0 columns), no --quiet, no CI, no NO_COLOR, no dumb terminal. A scan's
 * caller also leaves it off when records stream to that terminal (they show the progress).
 */
export function liveStatusWanted(
  quiet: boolean,
  env: NodeJS.ProcessEnv = process.env,
  stderr?: { isTTY?: boolean; columns?: number },
): boolean {
  const ci = env.CI !== undefined && env.CI !== '' && env.CI !== 'false' && env.CI !== '0';
  if (quiet || ci || env.NO_COLOR || env.TERM === 'dumb') return false;
  // process.stderr only when it may be a terminal: its stream (node:tty or of a pipe) loads net,
  // milliseconds at start-up; a pipe or a file is told by fstat alone.
  const err = stderr ?? (mayBeTerminal(2) ? process.stderr : { isTTY: false });
  return err.isTTY === true && err.columns! > 0;
}

/**
 * A spinner for a network wait: stdout must be a terminal too, where the answer is printed next
 * (`--json | jq` and cron see none), and --no-color (--color=never) is taken as NO_COLOR is.
 */
export function waitSpinnerWanted(
  options: { quiet?: boolean; color?: boolean | string },
  env: NodeJS.ProcessEnv = process.env,
  stdout: { isTTY?: boolean } = process.stdout,
  stderr: { isTTY?: boolean; columns?: number } = process.stderr,
): boolean {
  if (options.color === false || options.color === 'never') return false;
  return stdout.isTTY === true && liveStatusWanted(options.quiet === true, env, stderr);
}

function mayBeTerminal(fd: number): boolean {
  try {
    return fstatSync(fd).isCharacterDevice();
  } catch {
    return false;
  }
}
