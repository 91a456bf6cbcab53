import { Command } from 'commander';
import { COMMANDS, type CommandEntry } from './index.js';
import { reflowed } from './shared/helpText.js';

const PROGRAM_HELP = `
Examples:
  $ smsmon logs tail errors -f                     # follow errors.log across rotation
  $ smsmon errors count --since 1d --compare 1d    # error types today against yesterday
  $ smsmon latency --by path --since 1h            # processing_time percentiles per request path
  $ smsmon health --timeout 3s                     # the /health endpoint, Nagios exit codes
  $ smsmon metrics snapshot --quiet                # from cron: one snapshot into Redis
  $ smsmon --config /etc/smsmon.json doctor        # the pre-deployment checklist
  $ source <(smsmon completion bash)               # tab completion (also zsh, fish)

Each command has its own --help with examples; man smsmon has them all.
Exit: 0 ok, 1 nothing matched or a threshold crossed, 2 usage or config, 3 a source unreadable,
4 spooled (metrics snapshot), 5 no value (latency), 70 internal error; health: 0 OK, 1 WARNING,
2 CRITICAL, 3 UNKNOWN.`;

/**
 * Every command, defined but not run: the CLI parses argv with it, and the completion scripts and
 * the manual page are written from it.
 */
export function buildProgram(version: string): Command {
  const program = new Command('smsmon')
    .description('Monitoring toolkit for the SMS-to-AI Agent: logs, errors, latency, metrics, health')
    .version(version, '-V, --version')
    .option('--config <path>', 'config file (default: $SMSMON_CONFIG, else ./smsmon.config.json if present)')
    .addHelpText('after', reflowed(PROGRAM_HELP));
  for (const entry of COMMANDS) addCommand(program, entry);
  return program;
}

/** The entry's command, under its group; commander calls its run, which is loaded only then. */
function addCommand(program: Command, { name, define, load }: CommandEntry): void {
  const words = name.split(' ');
  const group = words.slice(0, -1).reduce((at, word) => at.commands.find((c) => c.name() === word)!, program);
  const command = define(group.command(words.at(-1)!));
  if (!load) return;
  command.action(async (...params: unknown[]) => {
    // commander hands over the operands and options that define declared, as the run takes them.
    const run = (await load()) as (...params: unknown[]) => Promise<number>;
    process.exitCode = await run(...params);
  });
}
