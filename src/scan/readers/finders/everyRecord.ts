import type { CandidateFinder } from './candidateFinder.js';

/** Every record, unparsed lines and all: the default path of every log command. */
export const everyRecord: CandidateFinder = {
  inBody: false,
  everyLine: true,
  next: (_window, from) => from,
};
