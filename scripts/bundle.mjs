// Bundles the product into one CommonJS file, dist/bundle/smsmon.js, plus the worker-thread entry
// that `--threads` starts beside it: Node's ESM loader reads, resolves and links each of ~130
// modules separately, which was most of the start-up time. CommonJS, because there an import of a
// command's code (or a dependency) that commander calls lazily stays lazy inside the one file.
// Dependencies stay in node_modules and load when first required; commander is bundled, as every
// run needs it, and chalk and ora, which are ESM-only (require() of ESM needs Node 20.19 or later). Source maps map stack traces back to src/ (bin/smsmon.js enables them for SMSMON_DEBUG=1).
import { readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import Module from 'node:module';
import { Script } from 'node:vm';
import { build } from 'esbuild';

const OUT = 'dist/bundle';
const BUNDLED = new Set(['commander', 'chalk', 'ora']);

/**
 * commander requires node:child_process at load, for subcommands that are executables of their
 * own, which smsmon has none of; loading it pulls in net, dgram and streams on every run.
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(build) {
    build.onResolve({ filter: /^node:child_process$/ }, ({ importer }) =>
      importer.includes('/node_modules/commander/')
        ? { path: 'child_process', namespace: 'lazy' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'lazy' }, () => ({
      contents: "exports.spawn = (...args) => require('node:child_process').spawn(...args);",
      loader: 'js',
    }));
  },
};

const { dependencies } = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));
await build({
  entryPoints: { smsmon: 'src/cli.ts', shardWorker: 'src/scan/shardWorker.ts' },
  outdir: OUT,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: Object.keys(dependencies).filter((name) => !BUNDLED.has(name)),
  // new URL('./shardWorker.js', import.meta.url) and the like resolve against the bundle's own file.
  define: { 'import.meta.url': '__bundleUrl' },
  // import() of a dependency becomes a require: bin/smsmon.js runs the bundle as a vm.Script, where
  // import() would need a loader of its own.
  supported: { 'dynamic-import': false },
  // Strict first: esbuild's own "use strict" comes after the banner, where it is no longer a directive.
  banner: { js: "'use strict';\nconst __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  plugins: [lazyChildProcess],
  minifyWhitespace: true,
  minifySyntax: true,
  sourcemap: true,
  sourcesContent: false,
  logLevel: 'warning',
});
// The package is "type": "module"; the bundle's .js files are CommonJS.
writeFileSync(`${OUT}/package.json`, '{ "type": "commonjs" }\n');
// V8's code cache of the compiled bundle, wrapped as bin/smsmon.js wraps it: with it, start-up
// skips parsing the whole file. A Node with another V8 rejects it and compiles as usual.
const bundle = `${OUT}/smsmon.js`;
const script = new Script(Module.wrap(readFileSync(bundle, 'utf8')), { filename: bundle });
writeFileSync(`${bundle}.cache`, script.createCachedData());
