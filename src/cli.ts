import { readFileSync } from 'node:fs';
import { CommanderError, type Command } from 'commander';
import { ExitCode, SmsmonError } from './core/errors.js';
import { redactCommandLine } from './core/redact.js';
import { buildProgram } from './commands/program.js';
import { errorExitCodeOf } from './commands/shared/errorExitCode.js';
import { refuseSwallowedOptions } from './commands/shared/swallowedOption.js';
import { escapeControls } from './sinks/safeText.js';
import { writeNotice } from './sinks/notice.js';
import { writeInternalError } from './sinks/internalError.js';
import { boundHeapGrowth } from './core/heapGrowth.js';

/** The command being parsed or run: its errors may all have one exit code (health: 3, UNKNOWN). */
let current: Command | undefined;

/**
 * The only place that reads argv, prints fatal errors and sets the exit code.
 * Exit codes (README): 0 ok, 1 nothing matched, 2 usage/configuration, 3 unreadable source,
 * 70 internal error; `health` follows the Nagios plugin convention instead: any error is 3, UNKNOWN.
 */
async function main(argv: string[]): Promise<void> {
  const program = buildProgram(packageVersion());
  configureDeep(program);
  current = program;
  program.hook('preAction', (_program, actionCommand) => {
    current = actionCommand;
    refuseSwallowedOptions(actionCommand, argv.slice(2));
  });
  try {
    await program.parseAsync(argv);
  } catch (error) {
    process.exitCode = handleError(error);
  }
}

/** Settings commander copies to a subcommand only when it is added: here they are set on each. */
function configureDeep(command: Command): void {
  command
    .showHelpAfterError('(run with --help for usage)')
    // Commander quotes the arguments it rejects: they may come from anywhere a script took them.
    // One prefix for every error: commander's "error: " becomes the program's name.
    .configureOutput({
      outputError: (text, write) => write(escapeControls(text.replace(/^error: /, 'smsmon: '))),
    })
    .exitOverride((error) => {
      current = command;
      throw error;
    });
  command.commands.forEach(configureDeep);
}

function handleError(error: unknown): number {
  const override = errorExitCodeOf(current);
  if (error instanceof CommanderError) {
    // Commander already printed the message; help and --version are not failures.
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return ExitCode.Ok;
    if (error.code === 'commander.help') return ExitCode.Ok;
    return override ?? ExitCode.Usage;
  }
  if (error instanceof SmsmonError) {
    writeNotice(`${error.message}${error.hint ? ` (${error.hint})` : ''}`);
    return override ?? error.exitCode;
  }
  writeInternalError(error);
  return override ?? ExitCode.Internal;
}

/**
 * A failure outside the command's own promise (an event handler, a promise nobody awaited): 70,
 * never Node's default 1, which means "nothing matched" or "threshold crossed" to a cron job.
 */
function crash(error: unknown): void {
  writeInternalError(error);
  process.exit(errorExitCodeOf(current) ?? ExitCode.Internal);
}

/** Read synchronously: node:fs is loaded with Node itself, node:fs/promises is not (start-up). */
function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

// `| head` closes stdout: end quietly instead of crashing with EPIPE.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
});

// A URL's password would stay in /proc/<pid>/cmdline (ps) for the whole of a --watch, top or
// exporter run. On Linux, process.title overwrites that memory; it is shown from here on.
const shownCommandLine = redactCommandLine(process.argv);
if (shownCommandLine !== undefined) process.title = shownCommandLine;

boundHeapGrowth();
process.on('uncaughtException', crash);
process.on('unhandledRejection', crash);
// Not awaited at the top level: the bundle (scripts/bundle.mjs) is CommonJS, which has no top-level await.
void main(process.argv).catch(crash);
