import type { ColorFlag } from '../../shared/colour.js';
import type { TableWidthOptions } from '../../shared/tableWidth.js';
import type { CollectSelection } from '../../../metrics/collectOptions.js';

/** Options shared by collect and snapshot: where the figures come from, how they are printed. */
export interface CollectCommandOptions extends CollectSelection, TableWidthOptions {
  color?: ColorFlag;
  json?: boolean;
  ndjson?: boolean;
  quiet?: boolean;
}
