import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Command } from 'commander';
import { UsageError } from '../../core/errors.js';
import { refuseSwallowedOptions } from './swallowedOption.js';

function tail(): Command {
  const program = new Command('smsmon').option('--config <path>');
  return program
    .command('tail')
    .option('--grep <regex>')
    .option('-i, --ignore-case')
    .option('-n, --lines <n>')
    .option('--color [when]');
}

test('a value that is one of the options of the command or its groups is refused, with the way to give it', () => {
  const command = tail();
  for (const args of [
    ['tail', '--grep', '-i', 'timeout'],
    ['tail', '-n', '--grep', 'x'],
    ['tail', '--grep', '--help'],
    ['tail', '--grep', '--config=x.json'],
    ['--config', '-n', 'tail'],
  ])
    assert.throws(
      () => refuseSwallowedOptions(command, args),
      (error: unknown) => error instanceof UsageError && /takes a value, but "-/.test(error.message),
      args.join(' '),
    );
  assert.throws(() => refuseSwallowedOptions(command, ['tail', '--grep', '-i']), {
    message: '--grep takes a value, but "-i" is an option',
    hint: 'to give "-i" as its value, write --grep=-i',
  });
});

test('values that are not options, --opt=value, optional values and words after -- pass', () => {
  const command = tail();
  for (const args of [
    ['tail', '--grep', 'timeout', '-i'],
    ['tail', '--grep=-i'],
    ['tail', '--grep', '-x'],
    ['tail', '--grep', '-5'],
    ['tail', '--color', '-i'],
    ['tail', '--', '--grep', '-i'],
    ['tail', '-n', '20', '--grep', 'x'],
    ['tail', '--grep'],
  ])
    assert.doesNotThrow(() => refuseSwallowedOptions(command, args), args.join(' '));
});
