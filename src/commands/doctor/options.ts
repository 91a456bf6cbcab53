import type { ColorFlag } from '../shared/colour.js';
export interface DoctorCommandOptions {
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
