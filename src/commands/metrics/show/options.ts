import type { ColorFlag } from '../../shared/colour.js';
export interface ShowCommandOptions {
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
