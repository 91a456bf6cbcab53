import type { ColorFlag } from '../../shared/colour.js';
import type { TableWidthOptions } from '../../shared/tableWidth.js';
import type { SourceSelection } from '../../../metrics/collectOptions.js';

export interface AlertsCheckOptions extends SourceSelection, TableWidthOptions {
  sample: string;
  host?: string;
  fromRedis?: boolean;
  maxAge: string;
  redis?: string;
  prefix?: string;
  guideLayout?: boolean;
  notify?: boolean;
  repeat?: string;
  health: boolean;
  json?: boolean;
  quiet?: boolean;
  color?: ColorFlag;
}
