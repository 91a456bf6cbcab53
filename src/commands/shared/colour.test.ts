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

test('every command takes --no-color, so a script can pass it to any of them', () => {
  const commands = COMMANDS.filter((entry) => entry.load !== undefined);
  assert.ok(commands.length >= 15, `${commands.length} commands`);
  for (const { name, define } of commands)
    assert.ok(
      define(new Command(name)).options.some((option) => option.long === '--no-color'),
      `${name} has no --no-color`,
    );
});
