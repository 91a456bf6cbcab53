import type { ColorFlag } from '../../shared/colour.js';
import type { TableWidthOptions } from '../../shared/tableWidth.js';

export interface ShowCommandOptions extends TableWidthOptions {
  quiet?: boolean;
  redis?: string;
  prefix?: string;
  guideLayout?: boolean;
  since: string;
  host?: string;
  fleet?: boolean;
  json?: boolean;
  ndjson?: boolean;
  color?: ColorFlag;
}
