import type { CollectCommandOptions } from '../collect/options.js';

export interface SnapshotCommandOptions extends CollectCommandOptions {
  redis?: string;
  prefix?: string;
  guideLayout?: boolean;
  retention?: string;
  spool?: string;
}
