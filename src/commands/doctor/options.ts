import type { ColorFlag } from '../shared/colour.js';
import type { TableWidthOptions } from '../shared/tableWidth.js';

export interface DoctorCommandOptions extends TableWidthOptions {
  quiet?: boolean;
  dir?: string;
  tz?: string;
  db?: string;
  redis?: string;
  healthUrl?: string;
  exporter?: string;
  sendTest?: boolean;
  timeout: string;
  json?: boolean;
  color?: ColorFlag;
}
