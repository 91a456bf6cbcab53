import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, test } from 'node:test';
import { promisify } from 'node:util';
import { REPO, runSmsmon } from '../kit/runSmsmon.js';

/**
 * Start-up: the binary loads the product as one file (the bundle), not module by module, and
 * only the dependencies the command needs. A hook lists every module file the process loaded,
 * CommonJS (require.cache) and ESM (a resolve hook) alike.
 */
const dir = mkdtempSync(join(tmpdir(), 'smsmon-startup-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const listing = join(dir, 'loaded.txt');
const hooks = join(dir, 'hooks.mjs');
const hook = join(dir, 'hook.mjs');
writeFileSync(
  hooks,
  `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  if (resolved.url.startsWith('file:')) appendFileSync(${JSON.stringify(listing)}, new URL(resolved.url).pathname + '\\n');
  return resolved;
}`,
);
writeFileSync(
  hook,
  `import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';
register(${JSON.stringify(`file://${hooks}`)});
const cache = createRequire(import.meta.url).cache;
process.on('exit', () => appendFileSync(${JSON.stringify(listing)}, Object.keys(cache).join('\\n') + '\\n'));`,
);

/** A copy of the binary, run as runSmsmon runs the repository's. */
async function runSmsmonAt(
  bin: string,
  args: string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { code, stdout, stderr };
  }
}

/** The product's files (relative to the repository) and the packages the run loaded. */
async function loaded(args: string[]): Promise<{ product: string[]; packages: Set<string> }> {
  rmSync(listing, { force: true });
  const { code, stderr } = await runSmsmon(args, { nodeArgs: ['--import', hook] });
  assert.equal(code, 0, stderr);
  const files = new Set(readFileSync(listing, 'utf8').split('\n').filter(Boolean));
  const product = [...files].filter((file) => file.startsWith(REPO) && !file.includes('/node_modules/'));
  const packages = [...files].map((file) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1]);
  return {
    product: product.map((file) => relative(REPO, file)).sort(),
    packages: new Set(packages.filter((name) => name !== undefined)),
  };
}

/** bin/smsmon.js compiles the bundle itself (with V8's code cache): no module loader sees it. */
const BIN_ONLY = ['bin/smsmon.js'];

test('--version loads no module of the product but the bin, and no dependency', async () => {
  const { product, packages } = await loaded(['--version']);
  assert.deepEqual(product, BIN_ONLY);
  assert.deepEqual([...packages], []);
});

test('errors count (a plain text table) loads no module of the product but the bin, and no dependency', async () => {
  const { product, packages } = await loaded(['errors', 'count', '--dir', 'fixtures/logs']);
  assert.deepEqual(product, BIN_ONLY);
  assert.deepEqual([...packages], []);
});

test('a code cache that is missing or that V8 rejects costs only time: the same output', async () => {
  const copy = join(dir, 'copy');
  for (const file of [
    'package.json',
    'bin/smsmon.js',
    'bin/package.json',
    'dist/bundle/package.json',
    'dist/bundle/smsmon.js',
  ])
    cpSync(join(REPO, file), join(copy, file));
  const version = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string };
  for (const cache of [undefined, 'not a V8 code cache']) {
    if (cache !== undefined) writeFileSync(join(copy, 'dist/bundle/smsmon.js.cache'), cache);
    const { code, stdout, stderr } = await runSmsmonAt(join(copy, 'bin/smsmon.js'), ['--version']);
    assert.deepEqual({ code, stdout, stderr }, { code: 0, stdout: `${version.version}\n`, stderr: '' });
  }
});
