import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Command } from 'commander';
import { COMMANDS } from '../index.js';
import { colourWanted } from './colour.js';

test('colour only on a terminal, without --no-color, with NO_COLOR unset or empty', () => {
  const tty = { isTTY: true };
  assert.equal(colourWanted({}, tty, {}), true);
  assert.equal(colourWanted({ color: true }, tty, { NO_COLOR: '' }), true);
  assert.equal(colourWanted({ color: false }, tty, {}), false);
  assert.equal(colourWanted({}, tty, { NO_COLOR: '1' }), false);
  assert.equal(colourWanted({}, {}, {}), false);
  assert.equal(colourWanted({}, { isTTY: false }, {}), false);
});

function leaves(command: Command, path: string[] = []): Array<[string, Command]> {
  if (command.commands.length === 0) return [[path.join(' '), command]];
  return command.commands.flatMap((sub) => leaves(sub, [...path, sub.name()]));
}

test('every command takes --no-color, so a script can pass it to any of them', () => {
  const program = new Command('smsmon');
  for (const register of COMMANDS) register(program);
  const all = leaves(program);
  assert.ok(all.length >= 15, `${all.length} commands`);
  for (const [name, command] of all)
    assert.ok(
      command.options.some((option) => option.long === '--no-color'),
      `${name} has no --no-color`,
    );
});
