import { Writable } from 'node:stream';

/** Where stdout goes with --quiet: the result is computed (the exit code needs it), never shown. */
export function discardedOutput(): Writable {
  return new Writable({ write: (_chunk, _encoding, done) => done() });
}
