import type { ColorFlag } from '../shared/colour.js';
import type { SourceSelection } from '../../metrics/collectOptions.js';

export interface TopCommandOptions extends SourceSelection {
  interval: string;
  fromRedis?: boolean;
  host?: string;
  fleet?: boolean;
  redis?: string;
  prefix?: string;
  health: boolean;
  healthUrl?: string;
  color?: ColorFlag;
}
