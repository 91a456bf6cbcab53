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

test('--color=always/never win over everything; with auto, FORCE_COLOR (not 0) wins over NO_COLOR and a pipe', () => {
  const pipe = { isTTY: false };
  const tty = { isTTY: true };
  assert.equal(colourWanted({ color: 'always' }, pipe, { NO_COLOR: '1' }), true);
  assert.equal(colourWanted({ color: true }, pipe, {}), true, 'a bare --color is always');
  assert.equal(colourWanted({ color: 'never' }, tty, { FORCE_COLOR: '1' }), false);
  assert.equal(colourWanted({ color: false }, tty, { FORCE_COLOR: '1' }), false);
  assert.equal(colourWanted({ color: 'auto' }, pipe, { FORCE_COLOR: '1', NO_COLOR: '1' }), true);
  assert.equal(colourWanted({}, pipe, { FORCE_COLOR: '3' }), true);
  assert.equal(colourWanted({}, tty, { FORCE_COLOR: '0' }), false);
  assert.equal(colourWanted({}, tty, { FORCE_COLOR: 'false' }), false);
  assert.equal(colourWanted({}, tty, { FORCE_COLOR: '' }), true, 'an empty FORCE_COLOR is unset');
  assert.equal(colourWanted({ color: 'auto' }, tty, {}), true);
});

test('every command takes --color[=WHEN] and --no-color, so a script can pass them to any of them', () => {
  const commands = COMMANDS.filter((entry) => entry.load !== undefined);
  assert.ok(commands.length >= 15, `${commands.length} commands`);
  for (const { name, define } of commands) {
    const options = define(new Command(name)).options;
    for (const flag of ['--no-color', '--color'])
      assert.ok(
        options.some((option) => option.long === flag),
        `${name} has no ${flag}`,
      );
  }
});
