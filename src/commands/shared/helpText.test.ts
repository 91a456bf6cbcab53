import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Command } from 'commander';
import { reflow, reflowed } from './helpText.js';

const TEXT = `
Examples:
  $ smsmon errors count                  # error types in errors.log and its rotated files
  $ smsmon errors count --by type,hour

A type is the class of the final exception of a record's traceback, else "module: message
template" with ids masked. The default source is the errors family,
which holds every ERROR and CRITICAL record.
Exit: 0 counted, 1 over --fail-over.`;

test('prose runs on across the breaks of its source and is wrapped to the width; examples keep theirs', () => {
  assert.equal(
    reflow(TEXT, 100),
    `
Examples:
  $ smsmon errors count                  # error types in errors.log and its rotated files
  $ smsmon errors count --by type,hour

A type is the class of the final exception of a record's traceback, else "module: message template"
with ids masked. The default source is the errors family, which holds every ERROR and CRITICAL
record.
Exit: 0 counted, 1 over --fail-over.`,
  );
});

test('examples too wide: comments aligned closer, else on a line of their own above the command', () => {
  const at80 = reflow(TEXT, 80).split('\n');
  assert.equal(at80[2], '  $ smsmon errors count   # error types in errors.log and its rotated files');
  const at60 = reflow(TEXT, 60).split('\n');
  assert.deepEqual(at60.slice(1, 5), [
    'Examples:',
    '  # error types in errors.log and its rotated files',
    '  $ smsmon errors count',
    '  $ smsmon errors count --by type,hour',
  ]);
  for (const width of [50, 60, 80])
    for (const line of reflow(TEXT, width).split('\n')) assert.ok(line.length <= width, `${width}: ${line}`);
});

test("the help's width is the one commander wraps the options to", () => {
  const command = new Command('x').configureOutput({ getOutHelpWidth: () => 50 });
  const text = reflowed(TEXT)({ command, error: false });
  assert.ok(
    text.split('\n').every((line) => line.length <= 50),
    text,
  );
  assert.equal(reflowed(TEXT)({ command: new Command('y'), error: true }), reflow(TEXT, 80));
});
