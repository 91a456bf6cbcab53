import type { CollectSelection } from '../../../metrics/collectOptions.js';

/** Options shared by collect and snapshot: where the figures come from, how they are printed. */
export interface CollectCommandOptions extends CollectSelection {
  color?: boolean;
  json?: boolean;
  ndjson?: boolean;
  quiet?: boolean;
}
