import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { BIN, REPO } from '../kit/runSmsmon.js';

/**
 * `smsmon top` in a real pseudo-terminal: tmux runs it at a given size, capture-pane reads the
 * screen as a terminal shows it, send-keys types q. Needs tmux (apt-get install -y tmux); a
 * missing tmux fails the test with that message.
 */
const session = `smsmon-top-${process.pid}-${randomBytes(3).toString('hex')}`;
after(() => tmux(['kill-session', '-t', session], true));

function tmux(args: string[], quiet = false): string {
  try {
    return execFileSync('tmux', args, {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', quiet ? 'ignore' : 'pipe'],
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new Error('tmux not found: apt-get install -y tmux');
    if (quiet) return '';
    throw error;
  }
}

const screen = () => tmux(['capture-pane', '-p', '-t', session]);

async function waitFor(wanted: RegExp | ((screen: string) => boolean), what: string): Promise<string> {
  const shows = typeof wanted === 'function' ? wanted : (text: string) => wanted.test(text);
  let last = '';
  for (let i = 0; i < 100; i++) {
    last = screen();
    if (shows(last)) return last;
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${what}; screen:\n${last}`);
}

const screenLines = (text: string) => text.replace(/\n$/, '').split('\n');

/**
 * The whole screen is used: every line fits, at least half of the bottom half is drawn, the last
 * row is, and the CPU chart's bottom row reaches the right edge (its newest sample).
 */
function assertFills(shown: string, columns: number, rows: number): void {
  const lines = screenLines(shown);
  assert.equal(lines.length, rows);
  for (const line of lines)
    assert.ok([...line].length <= columns, `${[...line].length} > ${columns}: ${line}`);
  // A young history leaves the charts' upper rows blank; the blank lines between sections too.
  const drawn = lines.slice(rows / 2).filter((line) => line.trim() !== '').length;
  assert.ok(drawn >= rows / 4, `${drawn} of the bottom ${rows / 2} rows drawn:\n${shown}`);
  assert.match(lines.at(-1)!, /not checked/, 'the health section ends on the last row');
  const cpuBottom = lines[lines.findIndex((line) => line.startsWith('Memory')) - 1]!;
  assert.equal([...cpuBottom].length, columns, `the CPU chart spans the screen: ${cpuBottom}`);
}

test('top fills the screen at 80×24, 200×50 and 40×15, redraws on resize and quits cleanly on q', async () => {
  const command =
    `cd ${REPO} && NO_COLOR=1 TZ=UTC SMSMON_NOW=2024-01-20T00:30:00Z ${process.execPath} ${BIN} top ` +
    `--dir fixtures/logs --no-database --no-health --interval 1s; echo "top exited $?"; sleep 30`;
  tmux(['new-session', '-d', '-s', session, '-x', '80', '-y', '24', command]);
  let shown = await waitFor(/Errors \(last hour\)[\s\S]*RateLimitError/, 'the first refresh');
  assertFills(shown, 80, 24);
  assert.match(shown, /^smsmon top · .+ · 00:30:00Z · every 1s/);
  assert.match(shown, /CPU +[\d.]+ %/);
  assert.match(shown, /error rate/);
  assert.match(shown, /… \d+ more error types/);

  tmux(['resize-window', '-t', session, '-x', '200', '-y', '50']);
  // tmux pads the pane to 50 lines at once; the redraw is when the last row holds the health.
  shown = await waitFor(
    (text) => /not checked/.test(screenLines(text)[49] ?? ''),
    'the redraw at 200×50 (the health section on row 50)',
  );
  assertFills(shown, 200, 50);
  assert.match(shown, /Health\n {2}not checked/);
  assert.doesNotMatch(shown, /more error types/, 'every error type of the hour fits at 200×50');

  // 40×15: a wrapped line would push the header off the top; the health state is the last row.
  tmux(['resize-window', '-t', session, '-x', '40', '-y', '15']);
  shown = await waitFor(
    (text) => /not checked/.test(screenLines(text)[14] ?? '') && /^smsmon top/.test(text),
    'the redraw at 40×15',
  );
  const lines = screenLines(shown);
  assert.equal(lines.length, 15);
  assert.ok(
    lines.every((line) => [...line].length <= 40),
    shown,
  );
  assert.match(shown, /RateLimitError/);

  tmux(['send-keys', '-t', session, 'q']);
  shown = await waitFor(/top exited \d+/, 'the exit');
  assert.match(shown, /top exited 0/);
  assert.doesNotMatch(shown, /Errors \(last hour\)/, 'the alternate screen was left');
});

test('top refuses without a terminal and points to metrics show', () => {
  let failure: { status: number; stderr: string } | undefined;
  try {
    execFileSync(process.execPath, [BIN, 'top'], { cwd: REPO, encoding: 'utf8', stdio: 'pipe' });
  } catch (error) {
    failure = error as { status: number; stderr: string };
  }
  assert.equal(failure?.status, 2);
  assert.match(failure!.stderr, /needs a terminal; in scripts use `smsmon metrics show`/);
});
