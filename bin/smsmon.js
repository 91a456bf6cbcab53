#!/usr/bin/env node
// A missing or broken build is an internal error (70), not "nothing matched" (Node's default 1).
import('../dist/src/cli.js').catch((error) => {
  process.stderr.write(`smsmon: internal error: ${String(error?.message ?? error).split('\n')[0]}\n`);
  process.exitCode = 70;
});
