import type { CandidateFinder } from './candidateFinder.js';

/**
 * Every record, each decoded on its own: for records that are kept rather than passed on (the
 * last N of `tail -n`). everyRecord decodes lines a piece at a time, and V8 keeps the whole
 * piece alive for as long as one string cut from it lives.
 */
export const everyHeader: CandidateFinder = {
  inBody: false,
  next: (_window, from) => from,
};
