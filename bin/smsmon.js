#!/usr/bin/env node
// CommonJS (bin/package.json), like the bundle it runs (scripts/bundle.mjs): neither waits for
// Node's ESM loader. The bundle is compiled with the V8 code cache the build wrote beside it, which
// Node 20's require() cannot take; a cache V8 rejects (another Node) only costs the usual compile.
// SMSMON_DEBUG=1 requires the bundle plainly, with source maps (costly to read), so stacks point to src/.
// A missing or broken build is an internal error (70), not "nothing matched" (Node's default 1).
'use strict';
const { readFileSync } = require('node:fs');
const Module = require('node:module');
const { dirname, join } = require('node:path');
const { Script } = require('node:vm');

const bundle = join(__dirname, '../dist/bundle/smsmon.js');

/** What require() does for a CommonJS file, with the code cache. */
function runWithCodeCache() {
  let cachedData;
  try {
    cachedData = readFileSync(`${bundle}.cache`);
  } catch {
    // No cache: compiled as usual.
  }
  const script = new Script(Module.wrap(readFileSync(bundle, 'utf8')), { filename: bundle, cachedData });
  const module = { exports: {}, filename: bundle };
  script
    .runInThisContext()
    .call(module.exports, module.exports, Module.createRequire(bundle), module, bundle, dirname(bundle));
}

try {
  if (process.env.SMSMON_DEBUG === '1') {
    process.setSourceMapsEnabled(true);
    require(bundle);
  } else runWithCodeCache();
} catch (error) {
  process.stderr.write(`smsmon: internal error: ${String(error?.message ?? error).split('\n')[0]}\n`);
  process.exitCode = 70;
}
