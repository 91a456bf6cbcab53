#!/usr/bin/env node
// Records smsmon's outputs (stdout, stderr, exit code) over a table of cases and corpora, and
// compares two recordings byte for byte: the guard rail of a refactoring that must not change
// behaviour. No dependencies; see bench/outputs/README.md.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, URL } from 'node:url';
import { record } from './record.mjs';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const USAGE = `usage:
  node bench/outputs/outputs.mjs prepare CORPORA_DIR [--generator dist-test/test/kit/generate.js]
         [--django-kit dist-test/test/kit/djangoKit.js] [--fixtures fixtures/logs] [--e2e-logs test/e2e/logs]
  node bench/outputs/outputs.mjs record BIN CORPORA_DIR OUT_DIR [--parallel 2] [--only REGEX]
  node bench/outputs/outputs.mjs compare DIR_A DIR_B`;

/** The large corpus: seeded, so the same generator writes the same bytes. */
const GENERATED_ARGS = [
  '--records', '120000', '--seed', '14', '--start', '2024-01-18T22:00:00', '--max-bytes-app', '1500000',
  '--max-bytes-sms', '600000', '--gzip-from', '2', '--edge-cases',
]; // prettier-ignore

function fail(message) {
  console.error(`outputs: ${message}`);
  process.exit(2);
}

function flags(rest, known) {
  const positional = [];
  const options = {};
  for (let i = 0; i < rest.length; i++) {
    if (!rest[i].startsWith('--')) positional.push(rest[i]);
    else if (known.includes(rest[i].slice(2)) && i + 1 < rest.length) options[rest[i].slice(2)] = rest[++i];
    else fail(`unknown option ${rest[i]}; expected ${known.map((k) => `--${k}`).join(', ')}\n${USAGE}`);
  }
  return { positional, options };
}

function run(command, args) {
  const done = spawnSync(command, args, { cwd: REPO, stdio: 'inherit' });
  if (done.status !== 0) fail(`${[command, ...args].join(' ')} exited ${done.status ?? done.signal}`);
}

/** Fills CORPORA_DIR with the four corpora; one that exists is kept (delete it to make it again). */
function prepare(dir, options) {
  const at = (path) => resolve(REPO, path);
  const copies = {
    fixtures: options.fixtures ?? 'fixtures/logs',
    e2e: options['e2e-logs'] ?? 'test/e2e/logs',
  };
  for (const [name, from] of Object.entries(copies)) {
    if (existsSync(join(dir, name))) continue;
    if (!existsSync(at(from)))
      fail(`${at(from)} not found: pass its new place with --${name === 'e2e' ? 'e2e-logs' : name}`);
    cpSync(at(from), join(dir, name), { recursive: true });
  }
  if (!existsSync(join(dir, 'generated'))) {
    const generator = at(options.generator ?? 'dist-test/test/kit/generate.js');
    if (!existsSync(generator)) fail(`${generator} not found: npm run build, or pass --generator PATH`);
    run(process.execPath, [generator, ...GENERATED_ARGS, '--out', join(dir, 'generated')]);
  }
  if (!existsSync(join(dir, 'django'))) {
    const kit = at(options['django-kit'] ?? 'dist-test/test/kit/djangoKit.js');
    run(process.execPath, [join(REPO, 'bench/outputs/djangoLogs.mjs'), join(dir, 'django'), kit]);
  }
  console.log(`corpora ready in ${dir}: ${readdirSync(dir).join(', ')}`);
}

function filesUnder(dir, prefix = '') {
  return readdirSync(join(dir, prefix))
    .flatMap((name) => {
      const path = join(prefix, name);
      return statSync(join(dir, path)).isDirectory() ? filesUnder(dir, path) : [path];
    })
    .sort();
}

/** Exit 0 when every case file is byte-identical, else 1 with a diff of each difference. */
/**
 * A recording as compared: without the progress line a terminal case shows when a scan takes over a
 * second (it depends on the machine's load, not on smsmon's output), and so without byte counts.
 */
function comparable(path) {
  return (
    readFileSync(path, 'latin1')
      // eslint-disable-next-line no-control-regex -- the escape that clears the progress line
      .replace(/\r\x1b\[K(?:scanning [^\r]*)?/g, '')
      .replace(/^--- (stdout|stderr) \(\d+ bytes\)$/gm, '--- $1')
  );
}

function compare(a, b) {
  const left = new Set(filesUnder(a));
  const right = new Set(filesUnder(b));
  const all = [...new Set([...left, ...right])].sort();
  const problems = { missing: [], extra: [], differ: [] };
  for (const file of all) {
    if (!right.has(file)) problems.missing.push(file);
    else if (!left.has(file)) problems.extra.push(file);
    else if (comparable(join(a, file)) !== comparable(join(b, file))) problems.differ.push(file);
  }
  for (const file of problems.differ) {
    console.log(`\n=== ${file}`);
    const diff = spawnSync(
      'diff',
      ['-u', '--label', `a/${file}`, '--label', `b/${file}`, join(a, file), join(b, file)],
      {
        encoding: 'latin1',
      },
    );
    const lines = (diff.stdout || diff.error?.message || '').split('\n');
    console.log(
      lines.slice(0, 60).join('\n') + (lines.length > 60 ? `\n[… ${lines.length - 60} more diff lines]` : ''),
    );
  }
  for (const file of problems.missing) console.log(`only in ${a}: ${file}`);
  for (const file of problems.extra) console.log(`only in ${b}: ${file}`);
  const bad = problems.differ.length + problems.missing.length + problems.extra.length;
  console.log(
    `\n${all.length} files: ${all.length - bad} identical, ${problems.differ.length} differ, ` +
      `${problems.missing.length} only in ${a}, ${problems.extra.length} only in ${b}`,
  );
  process.exit(bad === 0 ? 0 : 1);
}

const [command, ...rest] = process.argv.slice(2);
if (command === 'prepare') {
  const { positional, options } = flags(rest, ['generator', 'django-kit', 'fixtures', 'e2e-logs']);
  if (positional.length !== 1) fail(USAGE);
  prepare(resolve(positional[0]), options);
} else if (command === 'record') {
  const { positional, options } = flags(rest, ['parallel', 'only']);
  if (positional.length !== 3) fail(USAGE);
  const [bin, corpora, out] = positional;
  if (!existsSync(bin)) fail(`${bin} not found (the built bin/smsmon.js of the checkout to record)`);
  if (existsSync(out) && readdirSync(out).length > 0 && !options.only) fail(`${out} is not empty`);
  const parallel = Number(options.parallel ?? 2);
  if (!Number.isInteger(parallel) || parallel < 1)
    fail(`--parallel ${options.parallel}: expected a whole number ≥ 1`);
  const only = options.only ? new RegExp(options.only) : undefined;
  await record(bin, corpora, out, { parallel, only });
} else if (command === 'compare') {
  if (rest.length !== 2) fail(USAGE);
  compare(rest[0], rest[1]);
} else fail(USAGE);
