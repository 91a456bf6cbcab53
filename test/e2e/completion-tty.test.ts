import { test } from 'node:test';
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN } from '../kit/runSmsmon.js';
import { TmuxSession } from '../kit/tmuxSession.js';

/**
 * Tab pressed in a real interactive bash and zsh (tmux), with smsmon on PATH as an installed
 * command is: what a person sees, including zsh loading the script from $fpath at the first Tab.
 */
const place = mkdtempSync(join(tmpdir(), 'smsmon-completion-tty-'));
const bin = join(place, 'bin');
mkdirSync(bin);
writeFileSync(
  join(bin, 'smsmon'),
  `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} "$@"\n`,
);
chmodSync(join(bin, 'smsmon'), 0o755);
const env = `env -i HOME=${place} TERM=xterm PATH=${bin}:/usr/bin:/bin PS1='ready> '`;
/** Keys typed before the shell reads them would be echoed out of place. */
const READY = /ready>\s*$/m;
const SECOND_PROMPT = /ready>[\s\S]*ready>\s*$/m;

test('bash: Tab completes a command, a subcommand and a --by key', async () => {
  const session = new TmuxSession(`cd ${place} && ${env} bash --norc --noprofile -i`);
  try {
    await session.waitFor(READY, 'the prompt');
    session.keys('source <(smsmon completion bash)', 'Enter');
    await session.waitFor(SECOND_PROMPT, 'the prompt after source');
    session.keys('smsmon err', 'Tab');
    await session.waitFor(/> smsmon errors\s*$/m, 'smsmon errors');
    session.keys('c', 'Tab', '--by ty', 'Tab');
    await session.waitFor(/> smsmon errors count --by type\s*$/m, '--by type');
  } finally {
    session.close();
  }
});

test('zsh: saved as _smsmon in $fpath, completes from the first Tab, with descriptions', async () => {
  const functions = join(place, 'zsh');
  mkdirSync(functions);
  writeFileSync(
    join(functions, '_smsmon'),
    execFileSync(process.execPath, [BIN, 'completion', 'zsh'], { encoding: 'utf8' }),
  );
  const session = new TmuxSession(`cd ${place} && ${env} zsh -f -i`);
  try {
    session.keys(
      `fpath=(${functions} $fpath); autoload -U compinit && compinit -u -d ${place}/zcompdump`,
      'Enter',
    );
    session.keys('smsmon lo', 'Tab');
    await session.waitFor(/> smsmon logs\s*$/m, 'smsmon logs');
    session.keys('Tab');
    await session.waitFor(/^tail +-- print the last records/m, 'the subcommands with their descriptions');
    session.keys('se', 'Tab', '--ignore-c', 'Tab');
    await session.waitFor(/> smsmon logs search --ignore-case\s*$/m, '--ignore-case');
    session.keys('C-u', 'smsmon errors count --by=type,h', 'Tab');
    await session.waitFor(/> smsmon errors count --by=type,hour\s*$/m, '--by=type,hour');
  } finally {
    session.close();
  }
});
