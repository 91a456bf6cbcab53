import { test } from 'node:test';
import assert from 'node:assert/strict';
import { liveStatusWanted, waitSpinnerWanted } from './liveStatus.js';

const TTY = { isTTY: true, columns: 80 };

test('a spinner needs a terminal on stderr with a width, and no -q, CI, NO_COLOR or dumb terminal', () => {
  assert.equal(liveStatusWanted(false, {}, TTY), true);
  assert.equal(liveStatusWanted(true, {}, TTY), false, '-q');
  assert.equal(liveStatusWanted(false, {}, { isTTY: false, columns: 80 }), false, 'stderr a pipe');
  assert.equal(liveStatusWanted(false, {}, { isTTY: true, columns: 0 }), false, 'ora loops at 0 columns');
  assert.equal(liveStatusWanted(false, {}, { isTTY: true }), false, 'no width');
  assert.equal(liveStatusWanted(false, { CI: 'true' }, TTY), false);
  assert.equal(liveStatusWanted(false, { CI: '1' }, TTY), false);
  assert.equal(liveStatusWanted(false, { CI: 'false' }, TTY), true);
  assert.equal(liveStatusWanted(false, { NO_COLOR: '1' }, TTY), false);
  assert.equal(liveStatusWanted(false, { NO_COLOR: '' }, TTY), true);
  assert.equal(liveStatusWanted(false, { TERM: 'dumb' }, TTY), false);
});

test('a network wait also needs stdout to be a terminal: --json | jq and cron see none', () => {
  assert.equal(waitSpinnerWanted({}, {}, { isTTY: true }, TTY), true);
  assert.equal(waitSpinnerWanted({}, {}, { isTTY: false }, TTY), false);
  assert.equal(waitSpinnerWanted({ quiet: true }, {}, { isTTY: true }, TTY), false);
});
