import assert from 'node:assert/strict';
import { test } from 'node:test';
import { COMMANDS } from '../../src/commands/index.js';
import { displayWidth } from '../../src/sinks/displayWidth.js';
import { runSmsmon } from '../kit/runSmsmon.js';
import { runInTerminal } from '../kit/terminalRun.js';

/**
 * Tables fit the terminal (src/sinks/fitTable.ts): cut and thinned to its columns, whole with
 * --wide, unlimited in a pipe unless --width; and every command's help fits 80 columns.
 */
const SGR = /\x1b\[[0-9;]*m/g;
const DIR = '--dir fixtures/logs';
const ENV = { SMSMON_NOW: '2024-01-20T00:30:00Z' };
const lines = (text: string) => text.replace(SGR, '').trimEnd().split('\n');
const widest = (text: string) => Math.max(...lines(text).map(displayWidth));
const tableLines = (text: string) => lines(text).filter((line) => /^[┌│└]/.test(line));

test('errors count in an 80-column terminal: the table fits, cut with …; --wide draws it whole, as a pipe does with --wide', async () => {
  const fitted = await runInTerminal(`errors count ${DIR}`, { columns: 80, env: ENV });
  assert.equal(fitted.code, 0, fitted.out);
  assert.ok(widest(fitted.out) <= 80, fitted.out);
  assert.match(fitted.out.replace(SGR, ''), /│ type +│ count │ share │ sample +│/);
  assert.match(fitted.out, /…/);
  const wide = await runInTerminal(`errors count ${DIR} --wide --no-color`, { columns: 80, env: ENV });
  const piped = await runSmsmon(['errors', 'count', ...DIR.split(' '), '--wide'], { env: ENV });
  assert.equal(wide.out, piped.stdout);
  assert.ok(widest(wide.out) > 200, wide.out);
  assert.doesNotMatch(tableLines(wide.out).join('\n'), /…/);
});

test('in a pipe a table has no limit unless --width: the same at any terminal size', async () => {
  const piped = await runSmsmon(['errors', 'count', ...DIR.split(' ')], { env: { ...ENV, COLUMNS: '40' } });
  assert.ok(widest(piped.stdout) > 150, piped.stdout);
  const limited = await runSmsmon(['errors', 'count', ...DIR.split(' '), '--width', '60'], { env: ENV });
  assert.equal(limited.code, 0, limited.stderr);
  assert.ok(widest(limited.stdout) <= 60, limited.stdout);
  const terminal = await runInTerminal(`errors count ${DIR} --no-color`, { columns: 60, env: ENV });
  assert.equal(terminal.out, limited.stdout);
});

/** Commands and the narrowest terminal their tables fit (errors --compare has 7 columns it keeps). */
const TABLES: ReadonlyArray<[string, number]> = [
  [`errors count ${DIR} --by type,module --compare 1d --since 2024-01-20`, 80],
  [`latency ${DIR} --by path`, 50],
  [`latency ${DIR} --by module --slowest 3`, 50],
  [`metrics collect --no-system --no-database ${DIR}`, 30],
  [`doctor ${DIR} --redis redis://127.0.0.1:1 --db postgres://127.0.0.1:1/x --timeout 1`, 50],
];

for (const [command, columns] of TABLES) {
  test(`${command.split(' --')[0]}: every table line fits a ${columns}-column terminal, coloured or not`, async () => {
    for (const colour of ['', ' --no-color']) {
      const { out } = await runInTerminal(command + colour, { columns, env: ENV });
      const table = command.startsWith('doctor')
        ? lines(out).filter((line) => /^(PASS|WARN|FAIL) /.test(line))
        : tableLines(out);
      assert.ok(table.length > 0, out);
      for (const line of table)
        assert.ok(displayWidth(line) <= columns, `${displayWidth(line)}: ${line}\n${out}`);
    }
  });
}

test('--width takes a number of columns, 20 or more, and not with --wide', async () => {
  const cases: Array<[string[], RegExp]> = [
    [
      ['--width', '10'],
      /--width <columns>' argument '10' is invalid\. expected a number of columns, at least 20/,
    ],
    [['--width', 'wide'], /argument 'wide' is invalid/],
    [['--width', '80', '--wide'], /option '--wide' cannot be used with option '--width <columns>'/],
  ];
  for (const [args, message] of cases) {
    const result = await runSmsmon(['errors', 'count', ...DIR.split(' '), ...args], { env: ENV });
    assert.equal(result.code, 2, result.stderr);
    assert.match(result.stderr, message);
  }
});

test("every command's --help fits 80 columns (commander's width off a terminal)", async () => {
  for (const name of ['', ...COMMANDS.map((c) => c.name)]) {
    const { stdout, code } = await runSmsmon([...name.split(' ').filter(Boolean), '--help']);
    assert.equal(code, 0, name);
    for (const line of stdout.split('\n')) assert.ok(displayWidth(line) <= 80, `${name}: ${line}`);
  }
});

test('help is wrapped to a narrower terminal too', async () => {
  const { out } = await runInTerminal('errors count --help', { columns: 70 });
  assert.match(out, /Examples:/);
  for (const line of lines(out)) assert.ok(displayWidth(line) <= 70, line);
});
