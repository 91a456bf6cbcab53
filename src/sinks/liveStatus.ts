/**
 * Whether a spinner may be drawn on stderr (ora): stderr a terminal that reports a width (ora
 * redraws in a loop at 0 columns), no --quiet, no CI, no NO_COLOR, no dumb terminal. A scan's
 * caller also leaves it off when records stream to that terminal (they show the progress).
 */
export function liveStatusWanted(
  quiet: boolean,
  env: NodeJS.ProcessEnv = process.env,
  stderr: { isTTY?: boolean; columns?: number } = process.stderr,
): boolean {
  if (quiet || stderr.isTTY !== true || !(stderr.columns! > 0)) return false;
  const ci = env.CI !== undefined && env.CI !== '' && env.CI !== 'false' && env.CI !== '0';
  return !ci && !env.NO_COLOR && env.TERM !== 'dumb';
}

/**
 * A spinner for a network wait: stdout must be a terminal too, where the answer is printed next
 * (`--json | jq` and cron see none).
 */
export function waitSpinnerWanted(
  options: { quiet?: boolean },
  env: NodeJS.ProcessEnv = process.env,
  stdout: { isTTY?: boolean } = process.stdout,
  stderr: { isTTY?: boolean; columns?: number } = process.stderr,
): boolean {
  return stdout.isTTY === true && liveStatusWanted(options.quiet === true, env, stderr);
}
