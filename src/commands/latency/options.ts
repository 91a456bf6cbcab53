import type { LogCommandOptions } from '../shared/logOptions.js';
import type { TableWidthOptions } from '../shared/tableWidth.js';

export interface LatencyCommandOptions extends LogCommandOptions, TableWidthOptions {
  pattern?: string;
  field?: string;
  unit: string;
  percentiles: string;
  by?: string;
  histogram?: boolean;
  slowest?: string;
  exact?: boolean;
  failOver?: string[];
  csv?: boolean;
  threads?: string;
}
