import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, REPO, runSmsmon } from '../kit/runSmsmon.js';

/**
 * The completion scripts in the shells themselves: bash completes through its own complete -F
 * function, fish through `complete -C` (zsh under a real Tab: completion-tty.test.ts); each is asked from a directory
 * holding one log file and one directory, so the paths offered are known. Needs bash, zsh and fish
 * (.ci/run installs them; apt-get install -y zsh fish).
 */
const place = mkdtempSync(join(tmpdir(), 'smsmon-completion-'));
writeFileSync(join(place, 'old.log'), '');
mkdirSync(join(place, 'logdir'));
/** Where the scripts are saved for zsh -n and fish -n: not among the paths offered. */
const scripts = mkdtempSync(join(tmpdir(), 'smsmon-completion-scripts-'));

function shell(program: string, script: string): string {
  const result = spawnSync(program, ['-c', script], {
    cwd: place,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', SMSMON_BIN: BIN },
  });
  if (result.error)
    throw new Error(`${program} not found: apt-get install -y ${program} (${result.error.message})`);
  assert.equal(result.status, 0, `${program} failed: ${result.stderr}`);
  assert.equal(result.stderr, '', `${program} wrote to stderr`);
  return result.stdout;
}

/** What bash's completion function offers for the words, the last one being completed. */
function bashCompletes(...words: string[]): string[] {
  const script = `source <(node "$SMSMON_BIN" completion bash)
COMP_WORDS=(${words.map((word) => `'${word}'`).join(' ')}); COMP_CWORD=${words.length - 1}
_smsmon_complete; printf '%s\\n' "\${COMPREPLY[@]}"`;
  return shell('bash', script).split('\n').filter(Boolean).sort();
}

test('bash: the script registers a complete -F function for smsmon', () => {
  const output = shell('bash', 'source <(node "$SMSMON_BIN" completion bash); complete -p smsmon');
  assert.equal(output, 'complete -F _smsmon_complete smsmon\n');
});

test('bash: commands, subcommands, options, --by keys and families', () => {
  assert.deepEqual(bashCompletes('smsmon', 'lo'), ['logs']);
  assert.deepEqual(bashCompletes('smsmon', 'co'), ['completion', 'config']);
  assert.deepEqual(bashCompletes('smsmon', 'logs', ''), ['search', 'tail']);
  assert.deepEqual(bashCompletes('smsmon', 'metrics', ''), ['collect', 'migrate', 'show', 'snapshot']);
  const searchOptions = bashCompletes('smsmon', 'logs', 'search', '--');
  for (const option of ['--level', '--grep', '--since', '--ndjson', '--fields', '--config', '--help'])
    assert.ok(searchOptions.includes(option), `${option} in ${searchOptions.join(' ')}`);
  assert.ok(!searchOptions.includes('--lines'), 'logs tail -n is not an option of logs search');
  assert.deepEqual(bashCompletes('smsmon', 'errors', 'count', '--by', ''), [
    'day',
    'hour',
    'level',
    'module',
    'pid',
    'template',
    'type',
  ]);
  // A comma list goes on after its last comma; --by=… as bash splits it.
  assert.deepEqual(bashCompletes('smsmon', 'errors', 'count', '--by', 'type,h'), ['type,hour']);
  assert.deepEqual(bashCompletes('smsmon', 'errors', 'count', '--by', '=', 'te'), ['template']);
  assert.deepEqual(bashCompletes('smsmon', 'latency', '--by', ''), ['hour', 'module', 'path']);
  assert.deepEqual(bashCompletes('smsmon', 'completion', ''), ['bash', 'fish', 'zsh']);
  // The operand: a family or a path; after a value-taking option, its value is no command word.
  assert.deepEqual(bashCompletes('smsmon', 'logs', 'tail', ''), [
    'app',
    'errors',
    'logdir',
    'old.log',
    'sms',
  ]);
  assert.deepEqual(bashCompletes('smsmon', 'logs', 'tail', '--grep', 'logs', 'e'), ['errors']);
  assert.deepEqual(bashCompletes('smsmon', '--config', 'x.json', 'logs', 't'), ['tail']);
  assert.deepEqual(bashCompletes('smsmon', 'logs', 'tail', '--dir', ''), ['logdir']);
  assert.deepEqual(bashCompletes('smsmon', 'logs', 'search', '-l', 'WARN'), ['WARNING', 'WARNING+']);
});

test('zsh: the script parses, and sourced after compinit it registers _smsmon for smsmon', () => {
  const source = spawnSync('node', [BIN, 'completion', 'zsh'], { encoding: 'utf8' }).stdout;
  assert.match(source, /^#compdef smsmon\n/);
  const file = join(scripts, '_smsmon');
  writeFileSync(file, source);
  shell('zsh', `zsh -n ${file}`);
  const script = `autoload -U compinit && compinit -u -d "${scripts}/.zcompdump"
source ${file}; print -r -- "$_comps[smsmon]"; print -r -- \${\${(f)_smsmon_commands[logs]}%%:*}`;
  assert.equal(shell('zsh', script), '_smsmon\ntail search\n');
});

test('fish: the script parses, and complete -C offers commands, options and values', () => {
  const fish = (line: string): string[] =>
    shell('fish', `node "$SMSMON_BIN" completion fish | source; complete -C '${line}'`)
      .split('\n')
      .filter(Boolean)
      .map((entry) => entry.split('\t')[0]!)
      .sort();
  assert.deepEqual(fish('smsmon lo'), ['logs']);
  assert.deepEqual(fish('smsmon logs '), ['search', 'tail']);
  assert.ok(fish('smsmon logs search --').includes('--ignore-case'));
  assert.deepEqual(fish('smsmon errors count --by type,h'), ['type,hour']);
  assert.deepEqual(fish('smsmon logs tail '), ['app', 'errors', 'logdir/', 'old.log', 'sms']);
  // "errors" as a family is no command word: no "count" offered after it.
  assert.deepEqual(fish('smsmon logs tail errors e'), ['errors']);
  const file = join(scripts, 'smsmon.fish');
  writeFileSync(file, spawnSync('node', [BIN, 'completion', 'fish'], { encoding: 'utf8' }).stdout);
  shell('fish', `fish -n ${file}`);
});

test('an unknown shell is a usage error naming the shells', async () => {
  const { stderr, code } = await runSmsmon(['completion', 'tcsh']);
  assert.equal(code, 2);
  assert.match(stderr, /bash, zsh, fish/);
});

test('smsmon --help and the help of every group have examples', async () => {
  for (const group of [[], ['logs'], ['errors'], ['metrics'], ['alerts'], ['config']]) {
    const { stdout, code } = await runSmsmon([...group, '--help']);
    assert.equal(code, 0);
    // An example whose comment does not fit beside it at 80 columns has it on the line above.
    assert.match(stdout, /\nExamples:\n(?: {2}# .*\n)? {2}\$ smsmon /, `smsmon ${group.join(' ')} --help`);
  }
});

test('the manual page renders with man, without warnings, and lists every command', () => {
  const page = join(REPO, 'dist/man/smsmon.1');
  const result = spawnSync('man', ['--warnings', '-l', page], {
    encoding: 'utf8',
    env: { ...process.env, MANWIDTH: '80', MAN_KEEP_FORMATTING: '' },
  });
  if (result.error)
    throw new Error(`man not found: apt-get install -y man-db groff-base (${result.error.message})`);
  assert.equal(result.status, 0, result.stderr);
  assert.equal(result.stderr, '', 'groff warnings');
  const text = result.stdout;
  for (const section of [
    'NAME',
    'SYNOPSIS',
    'DESCRIPTION',
    'COMMANDS',
    'EXIT STATUS',
    'ENVIRONMENT',
    'FILES',
  ])
    assert.match(text, new RegExp(`^${section}$`, 'm'));
  for (const command of [
    'logs tail',
    'errors count',
    'latency',
    'metrics show',
    'alerts check',
    'completion',
  ])
    assert.match(text, new RegExp(`^ {3}smsmon ${command} \\[options\\]`, 'm'), command);
  assert.match(text, /--by <keys>\n +group by type, template/);
  assert.match(text, /\$ smsmon logs tail errors -f/);
  assert.match(text, /^ {7}70 {5}internal error/m);
  assert.match(text, /^ {7}SMSMON_DEBUG$/m);
  assert.match(text, /^ {7}NO_COLOR$/m);
  // The generated parts fit 80 columns; help texts' own lines are shown as written.
  const generated = [
    text.slice(0, text.indexOf('\nCOMMANDS\n')),
    text.slice(text.indexOf('\nEXIT STATUS\n')),
  ];
  for (const line of generated.join('\n').split('\n')) assert.ok(line.length <= 80, `over 80: ${line}`);
});

test('npm pack ships the manual page and names it in "man"', () => {
  const pkg = JSON.parse(spawnSync('cat', [join(REPO, 'package.json')], { encoding: 'utf8' }).stdout) as {
    man: string[];
    files: string[];
  };
  assert.deepEqual(pkg.man, ['./dist/man/smsmon.1']);
  assert.ok(pkg.files.includes('dist/man'));
});
