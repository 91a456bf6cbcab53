#!/usr/bin/env node
// CommonJS (bin/package.json), like the bundle it requires (scripts/bundle.mjs): neither waits
// for Node's ESM loader. Source maps cost start-up to read, so stack traces map to src/ only
// when SMSMON_DEBUG=1 shows them.
// A missing or broken build is an internal error (70), not "nothing matched" (Node's default 1).
'use strict';

if (process.env.SMSMON_DEBUG === '1') process.setSourceMapsEnabled(true);
try {
  require('../dist/bundle/smsmon.js');
} catch (error) {
  process.stderr.write(`smsmon: internal error: ${String(error?.message ?? error).split('\n')[0]}\n`);
  process.exitCode = 70;
}
