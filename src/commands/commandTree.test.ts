import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allCommands, type CommandNode } from '../completion/commandNode.js';
import { FAMILY_NAMES } from '../core/families.js';
import { GROUP_KEYS } from '../operators/errorGroups.js';
import { commandTree } from './commandTree.js';
import { buildProgram } from './program.js';

const root = commandTree(buildProgram('1.2.3'));
const at = (path: string): CommandNode => allCommands(root).find((node) => node.path.join(' ') === path)!;
const option = (path: string, name: string) => at(path).options.find((o) => o.names.includes(name))!;

test('every command of the registry is in the tree, under its group', () => {
  assert.deepEqual(
    at('logs').subcommands.map((node) => node.path),
    [
      ['logs', 'tail'],
      ['logs', 'search'],
    ],
  );
  assert.ok(at('completion'));
  assert.equal(at('').description, root.description);
});

test('values come from the definitions: offered words, choices, paths by the value name', () => {
  assert.deepEqual(option('errors count', '--by').value, {
    words: GROUP_KEYS,
    commaList: true,
    paths: 'none',
  });
  assert.deepEqual(at('logs tail').operands[0], {
    text: '[sources...]',
    description: at('logs tail').operands[0]!.description,
    value: { words: FAMILY_NAMES, commaList: false, paths: 'file' },
  });
  assert.deepEqual(at('completion').operands[0]!.value.words, ['bash', 'zsh', 'fish']);
  assert.equal(option('logs tail', '--dir').value!.paths, 'dir');
  assert.equal(option('', '--config').value!.paths, 'file');
  assert.equal(option('logs tail', '--follow').value, undefined);
  assert.deepEqual(option('logs tail', '-n').names, ['-n', '--lines']);
});

test('hidden options are left out; the help text after the options is kept', () => {
  assert.equal(
    at('latency').options.find((o) => o.names.includes('--raw')),
    undefined,
  );
  assert.match(at('logs tail').helpAfter, /^\nExamples:\n {2}\$ smsmon logs tail/);
  assert.match(option('logs tail', '--lines').description, /\(default: "10"\)$/);
});
