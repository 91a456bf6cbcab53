import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, test } from 'node:test';
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

test('--version loads the bin and the bundle, no other file of the product or its dependencies', async () => {
  const { product, packages } = await loaded(['--version']);
  assert.deepEqual(product, ['bin/smsmon.js', 'dist/bundle/smsmon.js']);
  assert.deepEqual([...packages], []);
});

test('errors count (a plain text table) loads the bin and the bundle, no dependency', async () => {
  const { product, packages } = await loaded(['errors', 'count', '--dir', 'fixtures/logs']);
  assert.deepEqual(product, ['bin/smsmon.js', 'dist/bundle/smsmon.js']);
  assert.deepEqual([...packages], []);
});
