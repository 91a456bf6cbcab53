import type { ColorFlag } from '../../shared/colour.js';
export interface ShowCommandOptions {
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
